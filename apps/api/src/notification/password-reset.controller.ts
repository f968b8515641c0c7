import { Body, Controller, HttpCode, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PasswordResetService } from '@aula/server/notification';
import { notificationApi } from '@aula/contracts';
import { Public } from '../auth/auth.decorators';
import { PasswordResetConfirmDto, PasswordResetDto } from './notification.dto';
import { Route } from '../common/route.decorator';

@ApiTags('auth')
@Public()
@Controller()
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** Always 202 with the same body, whether or not the email has an account. */
  @Route(notificationApi.requestPasswordReset)
  @HttpCode(202)
  @ApiAcceptedResponse()
  async request(@Body() body: PasswordResetDto, @Req() request: FastifyRequest): Promise<{ message: string }> {
    await this.resets.request(body.email, request.ip);
    return { message: 'If an account uses this address, a message with a link is on its way.' };
  }

  /** Sets the new password; every session of the account ends. */
  @Route(notificationApi.confirmPasswordReset)
  @HttpCode(204)
  @ApiNoContentResponse()
  async confirm(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.resets.confirm(body.token, body.password);
  }
}
