import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { EnrolmentModule } from '@aula/server/enrolment';
import { CertificateBatch } from './certificate-batch.entity';
import { Certificate } from './certificate.entity';
import { CertificateIssuer } from './certificate-issuer.service';
import { CertificatePdfRenderer } from './certificate-pdf.renderer';
import { CertificateSigner } from './certificate-signer';
import { CertificateTemplateRecord } from './certificate-template.entity';
import { CertificateTemplateImages } from './certificate-template-images';
import { CertificateTemplateService } from './certificate-template.service';
import { CertificateVerifier } from './certificate-verifier.service';
import { CertificationPolicy } from './certification.policy';
import { CertificationService } from './certification.service';
import { IssuerKey } from './issuer-key.entity';
import { StatusList } from './status-list.entity';

export const CERTIFICATION_ENTITIES = [Certificate, CertificateBatch, IssuerKey, StatusList, CertificateTemplateRecord];

// The renderer is here too: the template editor's previews are drawn by the API.
const SERVICES = [
  CertificationPolicy,
  CertificationService,
  CertificateVerifier,
  CertificatePdfRenderer,
  CertificateTemplateImages,
  CertificateTemplateService,
];

/**
 * Certificates for the API: requests to issue, revocation, lists, downloads, public
 * verification, and templates (with sample previews). No signing key here: issuing happens in
 * the worker (CertificateIssuingModule).
 * Needs the global OutboxModule, StorageModule and CoreModule (Redis) in the host application.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CERTIFICATION_ENTITIES), CatalogModule, EnrolmentModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class CertificationModule {}

/** The worker's part: signing and recording certificates (rendering comes with CertificationModule). */
@Module({
  imports: [CertificationModule],
  providers: [CertificateSigner, CertificateIssuer],
  exports: [CertificationModule, CertificateSigner, CertificateIssuer],
})
export class CertificateIssuingModule {}
