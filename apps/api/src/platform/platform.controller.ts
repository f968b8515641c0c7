import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DEFAULT_LOCALE, LOCALES, type PlatformInfo } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { Public } from '../auth/auth.decorators';

@ApiTags('platform')
@Public()
@Controller('platform')
export class PlatformController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  info(): PlatformInfo {
    return {
      name: this.config.PLATFORM_NAME,
      registrationEnabled: this.config.REGISTRATION_ENABLED,
      locales: LOCALES,
      defaultLocale: DEFAULT_LOCALE,
      reminderOffsetsHours: this.config.reminderOffsetsHours,
    };
  }
}
