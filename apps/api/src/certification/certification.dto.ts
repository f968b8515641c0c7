import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type {
  IssueCertificateRequest,
  ReissueCertificateRequest,
  RevokeCertificateRequest,
  VerifyCredentialRequest,
} from '@aula/contracts';
import { IsPrintable } from '../common/dto';

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
