import type { Translations } from './catalog';
import type { Locale } from './identity';

export const CERTIFICATE_ORIENTATIONS = ['landscape', 'portrait'] as const;
export type CertificateOrientation = (typeof CERTIFICATE_ORIENTATIONS)[number];

/**
 * Placeholders a template's text may use, written `{name}`. A body paragraph that names a
 * placeholder without a value (a course without hours, a certificate without a grade) is left out.
 */
export const CERTIFICATE_PLACEHOLDERS = [
  'name',
  'course',
  'cohort',
  'startDate',
  'endDate',
  'completionDate',
  'issueDate',
  'expiryDate',
  'hours',
  'grade',
] as const;
export type CertificatePlaceholder = (typeof CERTIFICATE_PLACEHOLDERS)[number];

export interface CertificateSignatory {
  name: string;
  title: Translations;
  /** Storage key of a signature image (PNG/JPEG) uploaded for the template. */
  signatureImageKey?: string | null;
}

/**
 * How a certificate looks. Per course (defaulting to the programme's, then the built-in one).
 * Text is per language; the trainee's language is used when present, else `defaultLocale`.
 */
export interface CertificateTemplate {
  orientation: CertificateOrientation;
  defaultLocale: Locale;
  title: Translations;
  /** The line above the holder's name ("This certifies that"). */
  intro: Translations;
  /** Paragraphs below the name, one string per paragraph, separated by blank lines. */
  body: Translations;
  signatories: CertificateSignatory[];
  /** Storage keys of images uploaded for the template (PNG or JPEG): full-page background, logo. */
  backgroundImageKey?: string | null;
  logoImageKey?: string | null;
}

/** Who a template belongs to: a programme (the default of its courses) or one course. */
export const CERTIFICATE_TEMPLATE_SCOPES = ['programmes', 'courses'] as const;
export type CertificateTemplateScope = (typeof CERTIFICATE_TEMPLATE_SCOPES)[number];

/** Where the template in effect comes from: the owner's own, its programme's, or the built-in one. */
export type CertificateTemplateSource = 'own' | 'programme' | 'default';

/** Lengths a template's text may have; images accepted for a template. */
export const CERTIFICATE_TEMPLATE_LIMITS = {
  title: 200,
  intro: 300,
  body: 4000,
  signatoryName: 120,
  signatoryTitle: 160,
  signatories: 3,
  /** PNG or JPEG, judged by content. */
  imageBytes: 2 * 1024 * 1024,
  /** Width or height, in pixels. */
  imagePixels: 4000,
  /** Width × height, in millions of pixels (A4 at 300 dpi is about 8.7). */
  imageMegapixels: 12,
} as const;

/**
 * `GET /api/admin/{programmes|courses}/:id/certificate-template`: the template in effect for the
 * programme or course and where it comes from. `version` and `updatedAt` are the owner's own
 * template's (null when it inherits).
 */
export interface CertificateTemplateView {
  scope: CertificateTemplateScope;
  ownerId: string;
  source: CertificateTemplateSource;
  template: CertificateTemplate;
  version: number | null;
  updatedAt: string | null;
}

/** `POST .../certificate-template/images` answers where the image is stored; the template refers to it by key. */
export interface CertificateTemplateImage {
  key: string;
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  size: number;
}

/** `POST .../certificate-template/preview`: a sample PDF of an unsaved template. */
export interface CertificatePreviewRequest {
  template: CertificateTemplate;
  locale: Locale;
}

/** valid, or why not: revoked (with its date), expired, replaced by a re-issue. */
export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'expired', 'replaced'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * What anyone with the code learns: nothing about the holder beyond the name printed on the
 * certificate. `GET /api/certificates/verify/:code`.
 */
export interface CertificateVerification {
  code: string;
  status: CertificateStatus;
  holderName: string;
  course: string;
  cohort: string;
  issuedAt: string;
  /** Set when status is revoked. */
  revokedAt: string | null;
  /** Set when the certificate has an expiry date (past or future). */
  expiresAt: string | null;
  /** The machine-verifiable credential (Open Badges 3.0, VC-JWT). */
  credentialUrl: string;
  /** What it certifies: a course completed (the default), or participation in a workshop. */
  kind?: 'course' | 'workshop';
  /** For a workshop participation certificate: the workshop as printed. */
  workshop?: CertifiedWorkshop;
}

/** The workshop on a participation certificate, as printed (title in the holder's language). */
export interface CertifiedWorkshop {
  slug: string;
  title: string;
  hostInstitution: string;
  /** Calendar dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  attendedHours: number;
  expectedHours: number;
}

/** A certificate as its holder, the cohort's tutors and administrators see it. */
export interface CertificateView {
  id: string;
  code: string;
  enrolmentId: string;
  userId: string;
  holderName: string;
  cohortId: string;
  cohort: string;
  courseId: string;
  course: string;
  language: Locale;
  status: CertificateStatus;
  issuedAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
  expiresAt: string | null;
  /** The certificate that replaced this one (re-issue). */
  replacedById: string | null;
  verifyUrl: string;
  /** `GET` to download the PDF (access-checked). */
  downloadUrl: string;
}

/** One row of a cohort's certificate list: every completed enrolment, issued or not. */
export interface CohortCertificateRow {
  enrolmentId: string;
  userId: string;
  holderName: string;
  completedAt: string | null;
  /** The current certificate of the enrolment (the newest), if any. */
  certificate: CertificateView | null;
}

/** `POST /api/cohorts/:cohortId/certificates/issue`: one queued job per completed enrolment. */
export interface CertificateBatchView {
  batchId: string;
  cohortId: string;
  requested: number;
  /** Enrolments of the batch that have a certificate now. */
  issued: number;
  done: boolean;
  createdAt: string;
}

export interface IssueCertificateRequest {
  /** Optional expiry date (ISO 8601 date or date-time); null or absent: never expires. */
  expiresAt?: string | null;
}

export interface RevokeCertificateRequest {
  reason: string;
}

export interface ReissueCertificateRequest {
  expiresAt?: string | null;
}

/** `POST /api/certificates/verify-credential`. */
export interface VerifyCredentialRequest {
  credential: string;
}

export const CREDENTIAL_FAILURES = [
  'malformed',
  'signature',
  'issuer',
  'unknown',
  'revoked',
  'expired',
  'replaced',
] as const;
export type CredentialFailure = (typeof CREDENTIAL_FAILURES)[number];

export interface CredentialVerificationResult {
  valid: boolean;
  /** Why not, when not valid. */
  reason?: CredentialFailure;
  /** The certificate it belongs to, when the signature holds. */
  certificate?: CertificateVerification;
}

/** Jobs of the certificates queue besides the relayed `enrolment.completed` events. */
export interface CertificateJobs {
  /** An administrator asked to issue now (single or bulk); `batchId` ties bulk jobs together. */
  'certificate.issue': {
    enrolmentId: string;
    batchId: string | null;
    expiresAt: string | null;
    requestedById: string;
  };
  /** Re-issue: a new certificate with a new code replaces `certificateId`. */
  'certificate.reissue': { certificateId: string; expiresAt: string | null; requestedById: string };
}
