import {
  calculateJwkThumbprint,
  compactVerify,
  decodeJwt,
  errors,
  exportJWK,
  importPKCS8,
  SignJWT,
  type CryptoKey,
  type KeyObject,
} from 'jose';
import { gunzipSync, gzipSync } from 'node:zlib';
import { certificationApi, routeUrl, webPages } from '@aula/contracts';

/**
 * Open Badges 3.0 credentials as VC-JWT (JOSE, EdDSA over Ed25519), and the Bitstring Status List
 * used to revoke them, on jose, kept strict: one algorithm, one key type, no header-supplied keys.
 */

/** Bits per status list (the W3C recommended minimum, 16 KB before compression). */
export const STATUS_LIST_SIZE = 131_072;

export interface IssuerUrls {
  /** The issuer profile URL, which is also the issuer id. */
  issuerId: string;
  publicUrl: string;
}

export function issuerUrls(publicUrl: string): IssuerUrls & {
  credentialUrl: (code: string) => string;
  statusListUrl: (list: number) => string;
  achievementUrl: (courseId: string) => string;
  verifyPageUrl: (code: string) => string;
} {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    publicUrl: base,
    issuerId: `${base}${routeUrl(certificationApi.issuer)}`,
    credentialUrl: (code) => `${base}${routeUrl(certificationApi.credential, { code })}`,
    statusListUrl: (list) => `${base}${routeUrl(certificationApi.statusList, { list })}`,
    achievementUrl: (courseId) => `${base}${routeUrl(certificationApi.achievement, { id: courseId })}`,
    verifyPageUrl: (code) => `${base}${routeUrl(webPages.verifyCertificate, { code })}`,
  };
}

export type PublicJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string };

/** A key as jose takes it: the loaded signing key, or one made by node:crypto (tests, tools). */
export type SigningKeyInput = CryptoKey | KeyObject;

export async function publicJwkOf(key: SigningKeyInput): Promise<PublicJwk> {
  const jwk = await exportJWK(key);
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x)
    throw new Error('The certificate signing key must be an Ed25519 key');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

/** RFC 7638 thumbprint: the key id. */
export function jwkThumbprint(jwk: PublicJwk): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

/** Signs claims as a compact JWS with EdDSA. */
export function signJwt(
  claims: Record<string, unknown>,
  privateKey: SigningKeyInput,
  kid: string,
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' }).sign(privateKey);
}

export type JwtCheck =
  | { ok: true; header: { alg: string; kid: string }; claims: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'signature' | 'issuer' };

/**
 * Checks a compact JWS: EdDSA only (`alg: none` and anything else are refused), the key chosen by
 * `kid` among the issuer's published keys, never from the token itself.
 */
export async function verifyJwt(
  token: string,
  keyFor: (kid: string) => PublicJwk | undefined,
): Promise<JwtCheck> {
  if (typeof token !== 'string' || token.length > 64_000) return { ok: false, reason: 'malformed' };
  try {
    const { protectedHeader } = await compactVerify(
      token,
      ({ kid }) => {
        if (typeof kid !== 'string') throw new errors.JWSSignatureVerificationFailed('no key id');
        const jwk = keyFor(kid);
        if (!jwk) throw new errors.JWKSNoMatchingKey();
        return jwk;
      },
      { algorithms: ['EdDSA'] },
    );
    const claims = decodeJwt(token);
    return { ok: true, header: { alg: protectedHeader.alg, kid: protectedHeader.kid as string }, claims };
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) return { ok: false, reason: 'issuer' };
    if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JWSSignatureVerificationFailed)
      return { ok: false, reason: 'signature' };
    return { ok: false, reason: 'malformed' };
  }
}

/** The key id as written in JWT headers: the issuer's verification method. */
export function verificationMethodId(issuerId: string, thumbprint: string): string {
  return `${issuerId}#${thumbprint}`;
}

export function thumbprintOfKid(kid: string): string {
  return kid.includes('#') ? kid.slice(kid.lastIndexOf('#') + 1) : kid;
}

export interface CredentialSubjectFacts {
  certificateId: string;
  code: string;
  holderName: string;
  courseId: string;
  course: string;
  courseDescription: string;
  cohort: string;
  issuedAt: Date;
  expiresAt: Date | null;
  statusListIndex: number;
  issuerName: string;
}

/**
 * The OpenBadgeCredential (VC Data Model 2.0 + Open Badges 3.0 contexts). As JWT, the credential's
 * members are the payload, with the registered claims `iss`, `jti`, `nbf` (and `exp`) mirroring them.
 * The holder is identified by the name printed on the certificate, nothing else.
 */
export function openBadgeCredential(
  facts: CredentialSubjectFacts,
  urls: ReturnType<typeof issuerUrls>,
): Record<string, unknown> {
  const list = Math.floor(facts.statusListIndex / STATUS_LIST_SIZE) + 1;
  const credential: Record<string, unknown> = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: urls.credentialUrl(facts.code),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: facts.course,
    issuer: { id: urls.issuerId, type: ['Profile'], name: facts.issuerName, url: urls.publicUrl },
    validFrom: facts.issuedAt.toISOString(),
    ...(facts.expiresAt ? { validUntil: facts.expiresAt.toISOString() } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.holderName },
      ],
      achievement: {
        id: urls.achievementUrl(facts.courseId),
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: facts.course,
        description: facts.courseDescription || facts.course,
        criteria: { narrative: `Completed the course ${facts.course} (${facts.cohort}).` },
      },
    },
    evidence: [{ id: urls.verifyPageUrl(facts.code), type: ['Evidence'], name: facts.cohort }],
    credentialStatus: {
      id: `${urls.statusListUrl(list)}#${facts.statusListIndex % STATUS_LIST_SIZE}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(facts.statusListIndex % STATUS_LIST_SIZE),
      statusListCredential: urls.statusListUrl(list),
    },
  };
  return credential;
}

export function credentialClaims(
  credential: Record<string, unknown>,
  issuerId: string,
): Record<string, unknown> {
  const validFrom = Date.parse(credential['validFrom'] as string);
  const validUntil = credential['validUntil'] ? Date.parse(credential['validUntil'] as string) : null;
  return {
    ...credential,
    iss: issuerId,
    jti: credential['id'],
    nbf: Math.floor(validFrom / 1000),
    ...(validUntil ? { exp: Math.floor(validUntil / 1000) } : {}),
  };
}

/** Multibase (base64url, 'u') of the GZIP-compressed bitstring; bit 0 is the first byte's highest bit. */
export function encodeStatusList(setIndexes: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bits = Buffer.alloc(size / 8);
  for (const i of setIndexes) {
    if (i >= 0 && i < size) bits[i >> 3] |= 0x80 >> (i & 7);
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}

export function statusBit(encodedList: string, index: number): boolean {
  const bits = gunzipSync(Buffer.from(encodedList.replace(/^u/, ''), 'base64url'));
  return (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

export function statusListCredential(
  list: number,
  encodedList: string,
  issuerId: string,
  statusListUrl: string,
  now: Date,
): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: statusListUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId,
    validFrom: now.toISOString(),
    credentialSubject: {
      id: `${statusListUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
    },
  };
}

/** Loads a PKCS#8 PEM Ed25519 private key (extractable, so that its public half can be published). */
export async function privateKeyFromPem(pem: string): Promise<CryptoKey> {
  try {
    return await importPKCS8(pem, 'EdDSA', { extractable: true });
  } catch (cause) {
    throw new Error('The certificate signing key must be an Ed25519 key', { cause });
  }
}
