import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity';
import { RefreshToken } from './refresh-token.entity';
import { PasswordHasher } from './password.hasher';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in.throttle';
import { IdentityService } from './identity.service';

export const IDENTITY_ENTITIES = [User, RefreshToken];

@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), JwtModule.register({})],
  providers: [PasswordHasher, SessionService, SignInThrottle, IdentityService],
  exports: [IdentityService, SessionService, PasswordHasher],
})
export class IdentityModule {}
