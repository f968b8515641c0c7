import { generateKeyPairSync } from 'node:crypto';
import { newCertificateCode, normaliseCertificateCode } from './certificate-code';
import {
  credentialClaims,
  encodeStatusList,
  issuerUrls,
  jwkThumbprint,
  openBadgeCredential,
  privateKeyFromPem,
  publicJwkOf,
  signJwt,
  statusBit,
  verificationMethodId,
  verifyJwt,
  type PublicJwk,
} from './credential';

const urls = issuerUrls('https://aula.example/');
const { privateKey } = generateKeyPairSync('ed25519');
let jwk: PublicJwk;
let kid: string;
const keyFor = (k: string) => (k === kid ? jwk : undefined);
beforeAll(async () => {
  jwk = await publicJwkOf(privateKey);
  kid = verificationMethodId(urls.issuerId, await jwkThumbprint(jwk));
});

function credential() {
  return openBadgeCredential(
    {
      certificateId: 'c1',
      code: 'ABCDEFGHJKMNPQRSTVWXYZ0123',
      holderName: 'Nguyễn Thị Hằng',
      courseId: 'course-1',
      course: 'Regional development',
      courseDescription: '',
      cohort: 'Bogotá 2026-1',
      issuedAt: new Date('2026-05-21T02:30:00Z'),
      expiresAt: null,
      statusListIndex: 131_074,
      issuerName: 'Aula',
    },
    urls,
  );
}

describe('VC-JWT', () => {
  it('signs with EdDSA and verifies with the published key', async () => {
    const jwt = await signJwt(credentialClaims(credential(), urls.issuerId), privateKey, kid);
    const checked = await verifyJwt(jwt, keyFor);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.header).toEqual({ alg: 'EdDSA', kid });
      expect(checked.claims).toMatchObject({
        iss: 'https://aula.example/api/certificates/issuer',
        nbf: 1779330600,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
      });
    }
  });

  it('refuses a changed payload, alg none, an unknown key and garbage', async () => {
    const jwt = await signJwt(credentialClaims(credential(), urls.issuerId), privateKey, kid);
    const [h, p, s] = jwt.split('.');
    const changed = Buffer.from(Buffer.from(p, 'base64url').toString().replace('Nguyễn', 'Tran')).toString(
      'base64url',
    );
    expect(await verifyJwt(`${h}.${changed}.${s}`, keyFor)).toEqual({ ok: false, reason: 'signature' });
    const none = Buffer.from(JSON.stringify({ alg: 'none', kid })).toString('base64url');
    expect(await verifyJwt(`${none}.${p}.`, keyFor)).toEqual({ ok: false, reason: 'signature' });
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(await verifyJwt(await signJwt({ a: 1 }, other, `${urls.issuerId}#other`), keyFor)).toEqual({
      ok: false,
      reason: 'issuer',
    });
    expect(await verifyJwt(await signJwt({ a: 1 }, other, kid), keyFor)).toEqual({
      ok: false,
      reason: 'signature',
    });
    for (const bad of ['', 'a.b', 'a.b.c.d', '!!.??.**', `${h}.${p}`])
      expect((await verifyJwt(bad, keyFor)).ok).toBe(false);
  });

  it('still verifies credentials signed before, and reads key files written by node:crypto', async () => {
    // Published key and token as the platform issued them before signing moved to jose.
    const published: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: 'MU7JfNgBao1PJPzfuf8-vTlXxfocPWftWiOrnsr5c0I' };
    const earlierKid = `${urls.issuerId}#wlC6phBfBBVU5fCq_r_bUocCa9Qo8M5r87HGBf7L8QI`;
    const earlier =
      'eyJhbGciOiJFZERTQSIsImtpZCI6Imh0dHBzOi8vYXVsYS5leGFtcGxlL2FwaS9jZXJ0aWZpY2F0ZXMvaXNzdWVyI3dsQzZwaEJmQkJWVTVmQ3Ffcl9iVW9jQ2E5UW84TTVyODdIR0JmN0w4UUkiLCJ0eXAiOiJKV1QifQ' +
      '.eyJpc3MiOiJodHRwczovL2F1bGEuZXhhbXBsZS9hcGkvY2VydGlmaWNhdGVzL2lzc3VlciIsImp0aSI6Imh0dHBzOi8vYXVsYS5leGFtcGxlL2FwaS9jZXJ0aWZpY2F0ZXMvQUJDREVGR0hKS01OUFFSU1RWV1hZWjAxMjMvY3JlZGVudGlhbCIsIm5hbWUiOiJQbGFuaWZpY2FjacOzbiByZWdpb25hbCJ9' +
      '.0BmGnHitSVwnWGC4XHhNAOCTG5l2O2IOasz20D2nQwpLcNidpbNT3JLyRYUjnGIdxEl566TgHNawn80e5chCCg';
    expect(verificationMethodId(urls.issuerId, await jwkThumbprint(published))).toBe(earlierKid);
    expect(await verifyJwt(earlier, (k) => (k === earlierKid ? published : undefined))).toMatchObject({
      ok: true,
      claims: { name: 'Planificación regional' },
    });

    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const loaded = await privateKeyFromPem(pem);
    expect(await publicJwkOf(loaded)).toEqual(jwk);
    const claims = { iss: urls.issuerId, name: 'Planificación regional' };
    expect(await signJwt(claims, loaded, kid)).toBe(await signJwt(claims, privateKey, kid));
  });

  it('points the credential at its place in the status list', () => {
    expect(credential()['credentialStatus']).toEqual({
      id: 'https://aula.example/api/certificates/status-list/2#2',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '2',
      statusListCredential: 'https://aula.example/api/certificates/status-list/2',
    });
  });
});

describe('status list', () => {
  it('sets exactly the given bits, first bit = highest bit of the first byte', () => {
    const encoded = encodeStatusList([0, 9, 131_071]);
    expect(encoded.startsWith('u')).toBe(true);
    for (const i of [0, 9, 131_071]) expect(statusBit(encoded, i)).toBe(true);
    for (const i of [1, 8, 10, 131_070]) expect(statusBit(encoded, i)).toBe(false);
    expect(encoded.length).toBeLessThan(200); // 16 KB of mostly zeros compresses to almost nothing
  });
});

describe('certificate codes', () => {
  it('are 26 Crockford base32 characters, different every time', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newCertificateCode()));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('accept what people type from paper and refuse anything else', () => {
    const code = newCertificateCode();
    expect(normaliseCertificateCode(code.toLowerCase())).toBe(code);
    expect(normaliseCertificateCode(`${code.slice(0, 13)}-${code.slice(13)}`)).toBe(code);
    expect(normaliseCertificateCode('O1IL' + code.slice(4))).toBe('0111' + code.slice(4));
    for (const bad of ['', 'short', `${code}X`, 'U'.repeat(26), '../../etc/passwd'])
      expect(normaliseCertificateCode(bad)).toBeNull();
  });
});
