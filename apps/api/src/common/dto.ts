import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { PAGE_LIMIT_MAX } from '@aula/contracts';

/** Validation pieces every domain's DTOs share. */

/** Text without control characters (CR/LF would let a name inject mail headers later), not blank. */
export const IsPrintable = () =>
  Matches(/^[^\p{Cc}\p{Cs}]*\S[^\p{Cc}\p{Cs}]*$/u, { message: 'must be printable text without line breaks' });

/** May be left out, but not sent as null: the value has no empty state. */
export const IsOptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** May be left out, or sent as null. */
export const IsOptionalOrNull = () =>
  ValidateIf((_: object, value: unknown) => value !== undefined && value !== null);

/** Must be sent; null is a value (e.g. "no time limit"), checked no further. */
export const RequiredNullable = () => ValidateIf((_: object, value: unknown) => value !== null);

/**
 * A plain JSON object (not an array, not null) of at most `maxKeys` entries, each of which `entry`
 * accepts; `message` otherwise.
 */
export const IsPlainRecord = (
  name: string,
  {
    maxKeys,
    entry,
    message,
  }: { maxKeys: number; entry: (key: string, value: unknown) => boolean; message: string },
) =>
  ValidateBy({
    name,
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= maxKeys &&
        Object.entries(value).every(([key, v]) => entry(key, v)),
      defaultMessage: () => message,
    },
  });

/** Optional search text: no control characters (PostgreSQL refuses NUL; nothing else needs them). */
export const SearchText = (maxLength = 100) =>
  applyDecorators(
    IsOptional(),
    IsString(),
    MaxLength(maxLength),
    Matches(/^[^\p{Cc}\p{Cs}]*$/u, { message: 'must be text without control characters' }),
  );

/** Cursors are base64url, as encodeCursor writes them. */
export const IsCursor = () => Matches(/^[A-Za-z0-9_-]+$/, { message: 'is not a valid cursor' });

/** `limit` and `cursor` of every keyset-paginated list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @IsCursor()
  cursor?: string;
}

/**
 * At most `digits` decimals. (class-validator's `maxDecimalPlaces` throws on numbers JSON writes
 * with an exponent, such as 1e-300: a 500 instead of a 400.)
 */
export const HasDecimals = (digits: number) =>
  ValidateBy({
    name: 'hasDecimals',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) return true; // IsNumber says so
        const scaled = value * 10 ** digits;
        return Math.abs(scaled - Math.round(scaled)) < 1e-6;
      },
      defaultMessage: () => `must have at most ${digits} decimals`,
    },
  });
