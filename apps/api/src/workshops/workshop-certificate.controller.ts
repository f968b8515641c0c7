import { Controller, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SLUG_PATTERN, workshopsApi, type MyWorkshopCertificate } from '@aula/contracts';
import type { Actor } from '@aula/server/identity';
import { WorkshopCertificateService } from '@aula/server/workshops';
import { CurrentActor } from '../auth/auth.decorators';
import { Route } from '../common/route.decorator';
import { MyWorkshopCertificateDto } from './workshop-certificate.dto';

const slugOf = (slug: string): string => {
  if (!SLUG_PATTERN.test(slug)) throw new NotFoundException('No such workshop.');
  return slug;
};

/** The participant's own participation certificate: what it is, and its PDF. */
@ApiTags('workshops')
@ApiBearerAuth()
@Controller()
export class WorkshopCertificateController {
  constructor(private readonly certificates: WorkshopCertificateService) {}

  @Route(workshopsApi.myWorkshopCertificate)
  @ApiOperation({ summary: 'The reader’s participation certificate of a workshop (issued once it is held)' })
  @ApiOkResponse({ type: MyWorkshopCertificateDto })
  @ApiNotFoundResponse({ description: 'Not issued (yet), or no such workshop' })
  mine(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<MyWorkshopCertificate> {
    return this.certificates.mine(actor, slugOf(slug));
  }

  @Route(workshopsApi.myWorkshopCertificatePdf)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The reader’s participation certificate as PDF' })
  @ApiNotFoundResponse({ description: 'Not issued (yet), or no such workshop' })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.certificates.download(actor, slugOf(slug));
    void reply.headers({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    return new StreamableFile(file.stream, {
      type: 'application/pdf',
      length: file.size,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
