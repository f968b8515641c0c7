import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@aula/server/outbox';
import { User } from './user.entity';
import { RefreshToken } from './refresh-token.entity';
import { PasswordHasher } from './password.hasher';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in.throttle';
import { IdentityService } from './identity.service';
import { IdentityReader } from './identity.reader';
import { UserInvitation } from './user-invitation.entity';
import { InvitationService } from './invitation.service';

export const IDENTITY_ENTITIES = [User, RefreshToken, UserInvitation];

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), JwtModule.register({}), OutboxModule],
  providers: [PasswordHasher, SessionService, SignInThrottle, IdentityService, IdentityReader, InvitationService],
  exports: [IdentityService, IdentityReader, SessionService, PasswordHasher, InvitationService],
})
export class IdentityModule {}
