import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as edSign,
  verify as edVerify,
  type KeyObject,
} from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { certificationApi, routeUrl, webPages } from '@aula/contracts';

/**
 * Open Badges 3.0 credentials as VC-JWT (JOSE, EdDSA over Ed25519), and the Bitstring Status List
 * used to revoke them. Node's own crypto: the JOSE subset needed here is small and kept strict
 * (one algorithm, one key type, no header-supplied keys).
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

export function publicJwkOf(key: KeyObject): PublicJwk {
  const jwk = createPublicKey(key).export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519')
    throw new Error('The certificate signing key must be an Ed25519 key');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

/** RFC 7638 thumbprint: the key id. */
export function jwkThumbprint(jwk: PublicJwk): string {
  return createHash('sha256')
    .update(`{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}"}`)
    .digest('base64url');
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs claims as a compact JWS with EdDSA. */
export function signJwt(claims: Record<string, unknown>, privateKey: KeyObject, kid: string): string {
  const input = `${b64({ alg: 'EdDSA', kid, typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${edSign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

export type JwtCheck =
  | { ok: true; header: { alg: string; kid: string }; claims: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'signature' | 'issuer' };

/**
 * Checks a compact JWS: EdDSA only (`alg: none` and anything else are refused), the key chosen by
 * `kid` among the issuer's published keys, never from the token itself.
 */
export function verifyJwt(token: string, keyFor: (kid: string) => PublicJwk | undefined): JwtCheck {
  if (typeof token !== 'string' || token.length > 64_000) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)))
    return { ok: false, reason: 'malformed' };
  let header: { alg?: unknown; kid?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as typeof header;
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!header || typeof header !== 'object' || !claims || typeof claims !== 'object')
    return { ok: false, reason: 'malformed' };
  if (header.alg !== 'EdDSA' || typeof header.kid !== 'string') return { ok: false, reason: 'signature' };
  const jwk = keyFor(header.kid);
  if (!jwk) return { ok: false, reason: 'issuer' };
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const valid = edVerify(
    null,
    Buffer.from(`${parts[0]}.${parts[1]}`),
    key,
    Buffer.from(parts[2], 'base64url'),
  );
  if (!valid) return { ok: false, reason: 'signature' };
  return { ok: true, header: { alg: header.alg, kid: header.kid }, claims };
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

/** Loads a PKCS#8 PEM Ed25519 private key. */
export function privateKeyFromPem(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error('The certificate signing key must be an Ed25519 key');
  return key;
}
