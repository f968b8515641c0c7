import { Module } from '@nestjs/common';
import { CertificationModule } from '@aula/server/certification';
import { CertificatesController, CertificateVerificationController } from './certificates.controller';

/** Certificates over HTTP: public verification, holders' downloads, administrators' actions. No signing key here. */
@Module({
  imports: [CertificationModule],
  controllers: [CertificateVerificationController, CertificatesController],
})
export class CertificationApiModule {}
