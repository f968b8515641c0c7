import { Module } from '@nestjs/common';
import { CertificationModule } from '@aula/server/certification';
import { CertificateTemplatesController } from './certificate-templates.controller';
import { CertificatesController, CertificateVerificationController } from './certificates.controller';

/** Certificates over HTTP: public verification, holders' downloads, administrators' actions and templates. No signing key here. */
@Module({
  imports: [CertificationModule],
  controllers: [CertificateVerificationController, CertificatesController, CertificateTemplatesController],
})
export class CertificationApiModule {}
