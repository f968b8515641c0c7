import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatePdfRenderer } from '@aula/server/certification';
import { WorkshopCertificate } from './workshop-certificate.entity';
import { WorkshopCertificateService } from './workshop-certificate.service';
import { WorkshopsModule } from './workshops.module';

export const WORKSHOP_CERTIFICATES_ENTITIES = [WorkshopCertificate];

/**
 * Participation certificates (template kind `workshop`), drawn by the course certificates'
 * renderer. Needs the (global) StorageModule and CoreModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature(WORKSHOP_CERTIFICATES_ENTITIES), WorkshopsModule],
  providers: [WorkshopCertificateService, CertificatePdfRenderer],
  exports: [WorkshopCertificateService],
})
export class WorkshopCertificatesModule {}
