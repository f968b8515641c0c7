import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CERTIFICATE_ORIENTATIONS,
  CERTIFICATE_PLACEHOLDERS,
  CERTIFICATE_TEMPLATE_LIMITS,
  CERTIFICATE_TEMPLATE_SCOPES,
  LOCALES,
  type CertificateOrientation,
  type CertificatePreviewRequest,
  type CertificateSignatory,
  type CertificateTemplate,
  type CertificateTemplateImage,
  type CertificateTemplateScope,
  type CertificateTemplateSource,
  type CertificateTemplateView,
  type IssueCertificateRequest,
  type Locale,
  type ReissueCertificateRequest,
  type RevokeCertificateRequest,
  type Translations,
  type VerifyCredentialRequest,
} from '@aula/contracts';
import { IsOptionalNotNull, IsOptionalOrNull, IsPrintable } from '../common/dto';

export class ExpiryDto implements IssueCertificateRequest, ReissueCertificateRequest {
  @ApiPropertyOptional({
    nullable: true,
    description: 'ISO 8601 date or date-time; absent or null: never expires',
  })
  @IsOptional()
  @ValidateIf((_: object, v: unknown) => v !== null)
  @IsISO8601({ strict: true })
  expiresAt?: string | null;
}

export class RevokeCertificateDto implements RevokeCertificateRequest {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  @IsPrintable()
  reason: string;
}

export class VerifyCredentialDto implements VerifyCredentialRequest {
  @ApiProperty({ description: 'The credential as a compact VC-JWT' })
  @IsString()
  @MaxLength(64_000)
  credential: string;
}

// ---- certificate templates ----

/** Text of a template: any characters but controls; the body keeps its line breaks (paragraphs). */
const TemplateText = (max: number, multiline: boolean) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: max }),
    IsOptionalNotNull(),
    IsString(),
    MaxLength(max),
    multiline
      ? Matches(/^(?:[\n\r\t]|[^\p{Cc}\p{Cs}])*$/u, { message: 'must be text without control characters' })
      : Matches(/^[^\p{Cc}\p{Cs}]*$/u, { message: 'must be text without control characters or line breaks' }),
  );

const L = CERTIFICATE_TEMPLATE_LIMITS;

export class TemplateTitleDto implements Translations {
  @TemplateText(L.title, false) en?: string;
  @TemplateText(L.title, false) es?: string;
  @TemplateText(L.title, false) pt?: string;
}

export class TemplateIntroDto implements Translations {
  @TemplateText(L.intro, false) en?: string;
  @TemplateText(L.intro, false) es?: string;
  @TemplateText(L.intro, false) pt?: string;
}

export class TemplateBodyDto implements Translations {
  @TemplateText(L.body, true) en?: string;
  @TemplateText(L.body, true) es?: string;
  @TemplateText(L.body, true) pt?: string;
}

export class SignatoryTitleDto implements Translations {
  @TemplateText(L.signatoryTitle, false) en?: string;
  @TemplateText(L.signatoryTitle, false) es?: string;
  @TemplateText(L.signatoryTitle, false) pt?: string;
}

const TranslatedText = (cls: new () => Translations, description: string) =>
  applyDecorators(
    ApiProperty({ type: cls, description: `${description}; per language (${LOCALES.join(', ')})` }),
    IsObject({ message: `must be an object keyed by language (${LOCALES.join(', ')})` }),
    ValidateNested(),
    Type(() => cls),
  );

const ImageKey = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, description }),
    IsOptionalOrNull(),
    IsString(),
    MaxLength(255),
  );

export class CertificateSignatoryDto implements CertificateSignatory {
  @ApiProperty({ maxLength: L.signatoryName })
  @IsString()
  @MaxLength(L.signatoryName)
  @IsPrintable()
  name: string;

  @TranslatedText(SignatoryTitleDto, 'Position printed under the name')
  title: Translations;

  @ImageKey('Key answered by the image upload: the signature, drawn above the line')
  signatureImageKey?: string | null;
}

export class CertificateTemplateDto implements CertificateTemplate {
  @ApiProperty({ enum: CERTIFICATE_ORIENTATIONS })
  @IsIn(CERTIFICATE_ORIENTATIONS, { message: `must be one of ${CERTIFICATE_ORIENTATIONS.join(', ')}` })
  orientation: CertificateOrientation;

  @ApiProperty({ enum: LOCALES, description: 'Language used where the trainee’s is missing; its title and body are required' })
  @IsIn(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` })
  defaultLocale: Locale;

  @TranslatedText(TemplateTitleDto, 'Title, e.g. "Certificate of Completion"')
  title: Translations;

  @TranslatedText(TemplateIntroDto, 'Line above the holder’s name')
  intro: Translations;

  @TranslatedText(
    TemplateBodyDto,
    `Paragraphs below the name, separated by a blank line. Placeholders: ${CERTIFICATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}; a paragraph whose placeholder has no value is left out`,
  )
  body: Translations;

  @ApiProperty({ type: CertificateSignatoryDto, isArray: true, maxItems: L.signatories })
  @IsArray()
  @ArrayMaxSize(L.signatories, { message: `must hold at most ${L.signatories} signatories` })
  @ValidateNested({ each: true })
  @Type(() => CertificateSignatoryDto)
  signatories: CertificateSignatoryDto[];

  @ImageKey('Key answered by the image upload: the full-page background')
  backgroundImageKey?: string | null;

  @ImageKey('Key answered by the image upload: the logo above the heading')
  logoImageKey?: string | null;
}

export class CertificatePreviewDto implements CertificatePreviewRequest {
  @ApiProperty({ type: CertificateTemplateDto, description: 'The template as edited, saved or not' })
  @IsObject({ message: 'must be a template object' })
  @ValidateNested()
  @Type(() => CertificateTemplateDto)
  template: CertificateTemplateDto;

  @ApiProperty({ enum: LOCALES, description: 'Language of the sample' })
  @IsIn(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` })
  locale: Locale;
}

export class CertificateTemplateViewDto implements CertificateTemplateView {
  @ApiProperty({ enum: CERTIFICATE_TEMPLATE_SCOPES }) scope: CertificateTemplateScope;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty({
    enum: ['own', 'programme', 'default'],
    description: 'own: saved for this programme or course; programme: inherited from the programme; default: built in',
  })
  source: CertificateTemplateSource;
  @ApiProperty({ type: CertificateTemplateDto }) template: CertificateTemplateDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Version of the own template' }) version: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class CertificateTemplateImageDto implements CertificateTemplateImage {
  @ApiProperty({ description: 'Storage key to put in the template' }) key: string;
  @ApiProperty({ enum: ['image/png', 'image/jpeg'] }) contentType: 'image/png' | 'image/jpeg';
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty({ description: 'Bytes' }) size: number;
}
