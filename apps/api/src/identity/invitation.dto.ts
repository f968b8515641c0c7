import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type AcceptInvitationRequest } from '@aula/contracts';

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'is not a valid invitation token' })
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
