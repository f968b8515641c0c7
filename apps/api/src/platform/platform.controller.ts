import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DEFAULT_LOCALE, LOCALES, platformApi, type PlatformInfo } from '@aula/contracts';
import { AppConfig } from '@aula/server/core';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';

@ApiTags('platform')
@Public()
@Controller()
export class PlatformController {
  constructor(private readonly config: AppConfig) {}

  @Route(platformApi.info)
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
