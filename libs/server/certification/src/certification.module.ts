import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnrolmentModule } from '@aula/server/enrolment';
import { CertificateBatch } from './certificate-batch.entity';
import { Certificate } from './certificate.entity';
import { CertificateIssuer } from './certificate-issuer.service';
import { CertificatePdfRenderer } from './certificate-pdf.renderer';
import { CertificateSigner } from './certificate-signer';
import { CertificateVerifier } from './certificate-verifier.service';
import { CertificationPolicy } from './certification.policy';
import { CertificationService } from './certification.service';
import { IssuerKey } from './issuer-key.entity';
import { StatusList } from './status-list.entity';

export const CERTIFICATION_ENTITIES = [Certificate, CertificateBatch, IssuerKey, StatusList];

const SERVICES = [CertificationPolicy, CertificationService, CertificateVerifier];

/**
 * Certificates for the API: requests to issue, revocation, lists, downloads and public
 * verification. No signing key here: issuing happens in the worker (CertificateIssuingModule).
 * Needs the global OutboxModule, StorageModule and CoreModule (Redis) in the host application.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CERTIFICATION_ENTITIES), EnrolmentModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class CertificationModule {}

/** The worker's part: rendering, signing and recording certificates. */
@Module({
  imports: [CertificationModule],
  providers: [CertificatePdfRenderer, CertificateSigner, CertificateIssuer],
  exports: [CertificationModule, CertificatePdfRenderer, CertificateSigner, CertificateIssuer],
})
export class CertificateIssuingModule {}
