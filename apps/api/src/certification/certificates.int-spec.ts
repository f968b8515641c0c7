import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type {
  CertificateBatchView,
  CertificateVerification,
  CertificateView,
  CohortCertificateRow,
  CredentialVerificationResult,
  EventJob,
} from '@aula/contracts';
import { Module } from '@nestjs/common';
import {
  Certificate,
  CertificateIssuer,
  CertificateIssuingModule,
  listOf,
  STATUS_LIST_SIZE,
  statusBit,
} from '@aula/server/certification';
import { CoreModule } from '@aula/server/core';
import { DatabaseModule } from '@aula/server/database';
import { OutboxModule } from '@aula/server/outbox';
import { StorageModule } from '@aula/server/storage';

/** The worker's certificate side without its queues: the tests run queued jobs by hand. */
@Module({ imports: [CoreModule, DatabaseModule, OutboxModule, StorageModule, CertificateIssuingModule] })
class IssuingTestModule {}
import { IdentityService } from '@aula/server/identity';
import {
  certificateCohort,
  completedTrainee,
  FIXTURE_PASSWORD,
  type CertificateCohort,
} from '@aula/server/certification/testing';
import { bearer, person, type Person } from '../enrolment/testing/learning-fixtures';
import { startTestApp, type TestApp } from '../testing/test-app';

jest.setTimeout(90_000);

describe('certificates API', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let dataDir: string;
  let cohort: CertificateCohort;
  let otherCohort: CertificateCohort;
  let admin: Person;
  let tutor: Person;
  let otherTutor: Person;
  const saved = { ...process.env };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'aula-certificates-api-'));
    process.env['DATA_DIR'] = dataDir;
    // The worker signs and stores; the API reads the same database and data folder.
    worker = await NestFactory.createApplicationContext(IssuingTestModule, { logger: false });
    await worker.init();
    t = await startTestApp({ DATA_DIR: dataDir });
    db = t.app.get(DataSource);
    cohort = await certificateCohort(db, 'Verification');
    otherCohort = await certificateCohort(db, 'Other');
    admin = await person(t, ['admin']);
    tutor = await person(t, ['tutor']);
    otherTutor = await person(t, ['tutor']);
    await db.query(`INSERT INTO cohort_tutors (cohort_id, user_id) VALUES ($1, $2), ($3, $4)`, [
      cohort.cohortId,
      tutor.id,
      otherCohort.cohortId,
      otherTutor.id,
    ]);
  });
  afterAll(async () => {
    await t.close();
    await worker.close();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A trainee with a completed enrolment, signed in, and (unless told otherwise) a certificate issued by the worker. */
  async function holder(options: { displayName?: string; issue?: boolean; cohortId?: string } = {}) {
    const trainee = await completedTrainee(
      db,
      t.app.get(IdentityService),
      options.cohortId ?? cohort.cohortId,
      { displayName: options.displayName ?? 'Ελένη Παπαδοπούλου' },
    );
    const { session } = await t.signIn(trainee.email, FIXTURE_PASSWORD);
    const headers = bearer(session.accessToken);
    let certificate: CertificateView | null = null;
    if (options.issue !== false) {
      const outcome = await worker.get(CertificateIssuer).issue(trainee.enrolmentId);
      const res = await t.request({
        method: 'GET',
        url: `/api/certificates/${outcome.certificate?.id ?? 'not-issued'}`,
        headers,
      });
      certificate = res.json() as CertificateView;
    }
    return { ...trainee, headers, certificate: certificate as CertificateView };
  }

  /** Runs the certificate jobs the API queued (through the outbox) as the worker would. */
  async function runQueuedJobs(): Promise<number> {
    const events = (await db.query(
      `SELECT id, type, payload, created_at FROM outbox_events
        WHERE published_at IS NULL AND type IN ('certificate.requested', 'certificate.reissue-requested', 'certificate.revoked') ORDER BY created_at`,
    )) as { id: string; type: string; payload: unknown; created_at: Date }[];
    const issuer = worker.get(CertificateIssuer);
    for (const e of events) {
      // What apps/worker's CertificatesProcessor does with each job (covered by its own tests).
      const job = {
        eventId: e.id,
        type: e.type,
        payload: e.payload,
        occurredAt: e.created_at.toISOString(),
      } as EventJob;
      if (job.type === 'certificate.requested') {
        const p = job.payload as EventJob<'certificate.requested'>['payload'];
        await issuer.issue(p.enrolmentId, { expiresAt: p.expiresAt ? new Date(p.expiresAt) : null });
      } else if (job.type === 'certificate.reissue-requested') {
        const p = job.payload as EventJob<'certificate.reissue-requested'>['payload'];
        await issuer.reissue(p.certificateId, { expiresAt: p.expiresAt ? new Date(p.expiresAt) : null });
      } else {
        const p = job.payload as EventJob<'certificate.revoked'>['payload'];
        const c = await db.getRepository(Certificate).findOneByOrFail({ id: p.certificateId });
        await issuer.rebuildStatusList(listOf(c.statusListIndex));
      }
      await db.query(`UPDATE outbox_events SET published_at = now() WHERE id = $1`, [e.id]);
    }
    return events.length;
  }

  /** A problem body without `instance` (the request path, which differs by design). */
  const problem = (body: string) => {
    const { instance: _instance, ...rest } = JSON.parse(body) as Record<string, unknown>;
    return rest;
  };
  const verify = (code: string, remoteAddress = '10.9.0.1') =>
    t.request({ method: 'GET', url: `/api/certificates/verify/${code}`, remoteAddress });

  describe('downloads', () => {
    it('lets the holder, the cohort tutor and administrators download the PDF as an inert attachment', async () => {
      const h = await holder();
      for (const headers of [h.headers, tutor.headers, admin.headers]) {
        const res = await t.request({
          method: 'GET',
          url: `/api/certificates/${h.certificate.id}/pdf`,
          headers,
        });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        // Greek has no ASCII form: the plain file name is the code, the UTF-8 one carries the name.
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="${h.certificate.code}.pdf"; filename*=UTF-8''${encodeURIComponent(`Ελένη-Παπαδοπούλου-${h.certificate.code}.pdf`)}`,
        );
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      }
    });

    it("answers 404 for another trainee's certificate and for a tutor of another cohort, like an absent one", async () => {
      const h = await holder();
      const other = await holder({ displayName: 'Someone Else' });
      const absent = await t.request({
        method: 'GET',
        url: `/api/certificates/5b1e3a52-8f0c-4d59-9b6e-0c8a2f1d7e44/pdf`,
        headers: other.headers,
      });
      for (const headers of [other.headers, otherTutor.headers]) {
        for (const url of [
          `/api/certificates/${h.certificate.id}/pdf`,
          `/api/certificates/${h.certificate.id}`,
        ]) {
          const res = await t.request({ method: 'GET', url, headers });
          expect(res.statusCode).toBe(404);
          expect(problem(res.body)).toEqual(problem(absent.body));
        }
      }
    });

    it("lists a trainee's own certificates only", async () => {
      const h = await holder();
      await holder({ displayName: 'Another Holder' });
      const res = await t.request({ method: 'GET', url: '/api/certificates/mine', headers: h.headers });
      expect(res.statusCode).toBe(200);
      const mine = res.json() as CertificateView[];
      expect(mine.map((c) => c.id)).toEqual([h.certificate.id]);
      expect(mine[0]).toMatchObject({
        status: 'valid',
        course: 'Verification course',
        downloadUrl: `/api/certificates/${h.certificate.id}/pdf`,
      });
    });
  });

  describe('administrators', () => {
    it('refuses trainees (403) and fields that do not belong (400 naming them)', async () => {
      const h = await holder();
      const asTrainee = [
        {
          method: 'POST' as const,
          url: `/api/certificates/${h.certificate.id}/revoke`,
          payload: { reason: 'mine' },
        },
        { method: 'POST' as const, url: `/api/certificates/${h.certificate.id}/reissue`, payload: {} },
        { method: 'POST' as const, url: `/api/enrolments/${h.enrolmentId}/certificate`, payload: {} },
        { method: 'POST' as const, url: `/api/cohorts/${cohort.cohortId}/certificates/issue`, payload: {} },
      ];
      for (const r of asTrainee) expect((await t.request({ ...r, headers: h.headers })).statusCode).toBe(403);
      expect(
        (
          await t.request({
            method: 'GET',
            url: `/api/cohorts/${cohort.cohortId}/certificates.zip`,
            headers: h.headers,
          })
        ).statusCode,
      ).toBe(403);
      const mass = await t.request({
        method: 'POST',
        url: `/api/certificates/${h.certificate.id}/revoke`,
        headers: admin.headers,
        payload: { reason: 'x', revokedAt: '2020-01-01' },
      });
      expect(mass.statusCode).toBe(400);
      expect((mass.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
        'revokedAt',
      );
      const past = await t.request({
        method: 'POST',
        url: `/api/enrolments/${h.enrolmentId}/certificate`,
        headers: admin.headers,
        payload: { expiresAt: '2001-01-01' },
      });
      expect(past.statusCode).toBe(400);
      expect((past.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
        'expiresAt',
      ]);
    });

    it('issues now for one enrolment through the queue, with an expiry date, and only once', async () => {
      const h = await holder({ issue: false, displayName: 'José Peña' });
      const expiresAt = new Date(Date.now() + 365 * 86400_000).toISOString();
      const first = await t.request({
        method: 'POST',
        url: `/api/enrolments/${h.enrolmentId}/certificate`,
        headers: admin.headers,
        payload: { expiresAt },
      });
      expect(first.statusCode).toBe(202);
      expect(first.json()).toEqual({ queued: true, certificate: null });
      expect(await runQueuedJobs()).toBeGreaterThanOrEqual(1);
      const again = await t.request({
        method: 'POST',
        url: `/api/enrolments/${h.enrolmentId}/certificate`,
        headers: admin.headers,
        payload: {},
      });
      const body = again.json() as { queued: boolean; certificate: CertificateView };
      expect(body.queued).toBe(false);
      expect(body.certificate).toMatchObject({ holderName: 'José Peña', status: 'valid', expiresAt });
    });

    it('refuses to issue for an enrolment that is not completed (409)', async () => {
      const trainee = await completedTrainee(db, t.app.get(IdentityService), cohort.cohortId, {
        status: 'active',
      });
      const res = await t.request({
        method: 'POST',
        url: `/api/enrolments/${trainee.enrolmentId}/certificate`,
        headers: admin.headers,
        payload: {},
      });
      expect(res.statusCode).toBe(409);
    });

    it('issues a whole cohort as one job per enrolment with readable progress, then streams it as a ZIP', async () => {
      const c = await certificateCohort(db, 'Bulk');
      const names = ['王秀英', '김민준', 'अनुराधा शर्मा'];
      for (const displayName of names)
        await completedTrainee(db, t.app.get(IdentityService), c.cohortId, { displayName });
      await completedTrainee(db, t.app.get(IdentityService), c.cohortId, { status: 'active' });
      const res = await t.request({
        method: 'POST',
        url: `/api/cohorts/${c.cohortId}/certificates/issue`,
        headers: admin.headers,
        payload: {},
      });
      expect(res.statusCode).toBe(202);
      const batch = res.json() as CertificateBatchView;
      expect(batch).toMatchObject({ requested: 3, issued: 0, done: false });
      await runQueuedJobs();
      const progress = await t.request({
        method: 'GET',
        url: `/api/certificate-batches/${batch.batchId}`,
        headers: admin.headers,
      });
      expect(progress.json()).toMatchObject({ requested: 3, issued: 3, done: true });
      const again = await t.request({
        method: 'POST',
        url: `/api/cohorts/${c.cohortId}/certificates/issue`,
        headers: admin.headers,
        payload: {},
      });
      expect(again.json()).toMatchObject({ requested: 0, done: true });

      const list = (
        await t.request({
          method: 'GET',
          url: `/api/cohorts/${c.cohortId}/certificates`,
          headers: admin.headers,
        })
      ).json() as CohortCertificateRow[];
      expect(list).toHaveLength(3);
      expect(list.every((r) => r.certificate?.status === 'valid')).toBe(true);

      const zip = await t.request({
        method: 'GET',
        url: `/api/cohorts/${c.cohortId}/certificates.zip`,
        headers: admin.headers,
      });
      expect(zip.statusCode).toBe(200);
      expect(zip.headers['content-type']).toBe('application/zip');
      expect(zip.headers['content-disposition']).toMatch(/^attachment;/);
      const bytes = zip.rawPayload;
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      const entries = bytes.toString('latin1').split('PK\u0001\u0002').length - 1;
      expect(entries).toBe(3);
      for (const row of list)
        expect(bytes.toString('latin1')).toContain(`${row.certificate?.code ?? 'missing'}.pdf`);
    });

    it('lets a tutor of the cohort list and download the ZIP, and not a tutor of another cohort', async () => {
      expect(
        (
          await t.request({
            method: 'GET',
            url: `/api/cohorts/${cohort.cohortId}/certificates`,
            headers: tutor.headers,
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await t.request({
            method: 'GET',
            url: `/api/cohorts/${cohort.cohortId}/certificates`,
            headers: otherTutor.headers,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await t.request({
            method: 'GET',
            url: `/api/cohorts/${cohort.cohortId}/certificates.zip`,
            headers: otherTutor.headers,
          })
        ).statusCode,
      ).toBe(404);
    });
  });

  describe('verification by code', () => {
    it('tells name, course, cohort, issue date and status, and nothing else', async () => {
      const h = await holder();
      const res = await verify(h.certificate.code);
      expect(res.statusCode).toBe(200);
      const body = res.json() as CertificateVerification;
      expect(Object.keys(body).sort()).toEqual([
        'code',
        'cohort',
        'course',
        'credentialUrl',
        'expiresAt',
        'holderName',
        'issuedAt',
        'revokedAt',
        'status',
      ]);
      expect(body).toMatchObject({
        status: 'valid',
        holderName: 'Ελένη Παπαδοπούλου',
        course: 'Verification course',
        revokedAt: null,
      });
      expect(res.body).not.toContain(h.email);
      // Typed from paper: lower case and dashes still find it.
      expect((await verify(h.certificate.code.toLowerCase().replace(/(.{5})/g, '$1-'))).statusCode).toBe(200);
    });

    it('answers an unknown code exactly like a malformed one', async () => {
      const unknown = await verify('7K3QX9M2VT8RWB4N6J1HZC5YFD');
      const malformed = await verify('not-a-code');
      expect(unknown.statusCode).toBe(404);
      expect(malformed.statusCode).toBe(404);
      expect(problem(malformed.body)).toEqual(problem(unknown.body));
    });

    it('shows revoked (with its date), replaced after a re-issue, and expired', async () => {
      const revoked = await holder();
      const r = await t.request({
        method: 'POST',
        url: `/api/certificates/${revoked.certificate.id}/revoke`,
        headers: admin.headers,
        payload: { reason: 'Issued by mistake' },
      });
      expect(r.statusCode).toBe(200);
      const rv = (await verify(revoked.certificate.code)).json() as CertificateVerification;
      expect(rv.status).toBe('revoked');
      expect(Date.parse(rv.revokedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

      const replaced = await holder();
      const q = await t.request({
        method: 'POST',
        url: `/api/certificates/${replaced.certificate.id}/reissue`,
        headers: admin.headers,
        payload: {},
      });
      expect(q.statusCode).toBe(202);
      await runQueuedJobs();
      expect(((await verify(replaced.certificate.code)).json() as CertificateVerification).status).toBe(
        'replaced',
      );
      const mine = (
        await t.request({ method: 'GET', url: '/api/certificates/mine', headers: replaced.headers })
      ).json() as CertificateView[];
      expect(mine).toHaveLength(1);
      expect(mine[0].code).not.toBe(replaced.certificate.code);
      expect(((await verify(mine[0].code)).json() as CertificateVerification).status).toBe('valid');
      const twice = await t.request({
        method: 'POST',
        url: `/api/certificates/${replaced.certificate.id}/reissue`,
        headers: admin.headers,
        payload: {},
      });
      expect(twice.statusCode).toBe(409);

      const expired = await holder();
      await db.query(`UPDATE certificates SET expires_at = now() - interval '1 day' WHERE id = $1`, [
        expired.certificate.id,
      ]);
      expect(((await verify(expired.certificate.code)).json() as CertificateVerification).status).toBe(
        'expired',
      );
    });

    it('answers 429 once an address has spent its allowance, with other addresses unaffected', async () => {
      const limited = await startTestApp({
        DATA_DIR: dataDir,
        CERTIFICATE_VERIFY_MAX_PER_ADDRESS: '3',
        CERTIFICATE_VERIFY_WINDOW_SECONDS: '60',
      });
      try {
        const address = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
        const codes = ['7K3QX9M2VT8RWB4N6J1HZC5YFD', 'bad', '0000000000000000000000000A'];
        for (const code of codes)
          expect(
            (
              await limited.request({
                method: 'GET',
                url: `/api/certificates/verify/${code}`,
                remoteAddress: address,
              })
            ).statusCode,
          ).toBe(404);
        const blocked = await limited.request({
          method: 'GET',
          url: `/api/certificates/verify/bad`,
          remoteAddress: address,
        });
        expect(blocked.statusCode).toBe(429);
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
        expect((blocked.json() as { detail: string }).detail).toBe('Too many verification requests. Try again later.');
        expect(
          (
            await limited.request({
              method: 'GET',
              url: `/api/certificates/verify/bad`,
              remoteAddress: '10.78.0.1',
            })
          ).statusCode,
        ).toBe(404);
      } finally {
        await limited.close();
      }
    });
  });

  describe('Open Badges credential', () => {
    const credentialOf = async (code: string) =>
      (await t.request({ method: 'GET', url: `/api/certificates/${code}/credential?format=jwt` })).body;
    const check = async (credential: string) =>
      (
        await t.request({
          method: 'POST',
          url: '/api/certificates/verify-credential',
          payload: { credential },
          remoteAddress: '10.9.0.2',
        })
      ).json() as CredentialVerificationResult;
    const claimsOf = (jwt: string) =>
      JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

    it('is an OpenBadgeCredential signed with EdDSA by a key the issuer profile publishes', async () => {
      const h = await holder();
      const envelope = (
        await t.request({ method: 'GET', url: `/api/certificates/${h.certificate.code}/credential` })
      ).json() as { type: string; id: string };
      expect(envelope.type).toBe('EnvelopedVerifiableCredential');
      const jwt = await credentialOf(h.certificate.code);
      expect(envelope.id).toBe(`data:application/vc+jwt,${jwt}`);
      const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString()) as {
        alg: string;
        kid: string;
      };
      expect(header.alg).toBe('EdDSA');
      const claims = claimsOf(jwt);
      expect(claims['type']).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(claims['iss']).toBe(header.kid.split('#')[0]);
      expect(JSON.stringify(claims)).not.toContain(h.email);
      const profile = (await t.request({ method: 'GET', url: '/api/certificates/issuer' })).json() as {
        id: string;
        verificationMethod: { id: string; publicKeyJwk: { kty: string; crv: string } }[];
      };
      expect(profile.id).toBe(claims['iss']);
      const method = profile.verificationMethod.find((m) => m.id === header.kid);
      expect(method?.publicKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
      expect(JSON.stringify(profile)).not.toContain('"d"');
      expect(await check(jwt)).toMatchObject({
        valid: true,
        certificate: { code: h.certificate.code, status: 'valid' },
      });
    });

    it('rejects a tampered credential, alg none and garbage', async () => {
      const h = await holder();
      const jwt = await credentialOf(h.certificate.code);
      const [head, , signature] = jwt.split('.');
      const claims = claimsOf(jwt);
      const forged = Buffer.from(JSON.stringify({ ...claims, name: 'Doctorate in everything' })).toString(
        'base64url',
      );
      expect(await check(`${head}.${forged}.${signature}`)).toEqual({ valid: false, reason: 'signature' });
      const none = Buffer.from(
        JSON.stringify({ alg: 'none', kid: JSON.parse(Buffer.from(head, 'base64url').toString()).kid }),
      ).toString('base64url');
      expect(await check(`${none}.${jwt.split('.')[1]}.`)).toEqual({ valid: false, reason: 'signature' });
      expect(await check('garbage')).toEqual({ valid: false, reason: 'malformed' });
      const missing = await t.request({
        method: 'POST',
        url: '/api/certificates/verify-credential',
        payload: {},
        remoteAddress: '10.9.0.2',
      });
      expect(missing.statusCode).toBe(400);
    });

    it('fails once revoked, and the signed status list says so', async () => {
      const h = await holder();
      const jwt = await credentialOf(h.certificate.code);
      await t.request({
        method: 'POST',
        url: `/api/certificates/${h.certificate.id}/revoke`,
        headers: admin.headers,
        payload: { reason: 'Withdrawn' },
      });
      expect(await check(jwt)).toMatchObject({
        valid: false,
        reason: 'revoked',
        certificate: { status: 'revoked' },
      });
      await runQueuedJobs(); // the worker re-signs the status list
      const claims = claimsOf(jwt) as {
        credentialStatus: { statusListCredential: string; statusListIndex: string };
      };
      const path = new URL(claims.credentialStatus.statusListCredential).pathname;
      const list = await t.request({ method: 'GET', url: `${path}?format=jwt` });
      expect(list.statusCode).toBe(200);
      const subject = (
        claimsOf(list.body) as { credentialSubject: { encodedList: string; statusPurpose: string } }
      ).credentialSubject;
      expect(subject.statusPurpose).toBe('revocation');
      expect(
        statusBit(subject.encodedList, Number(claims.credentialStatus.statusListIndex) % STATUS_LIST_SIZE),
      ).toBe(true);
    });

    it("publishes the course's Achievement at the address the credential names, about the course only", async () => {
      const h = await holder({ displayName: 'Achievement Holder' });
      const claims = claimsOf(await credentialOf(h.certificate.code)) as {
        credentialSubject: { achievement: { id: string; name: string } };
      };
      const { pathname, origin } = new URL(claims.credentialSubject.achievement.id);
      expect(pathname).toBe(`/api/certificates/achievements/${cohort.courseId}`);
      const res = await t.request({ method: 'GET', url: pathname });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        id: claims.credentialSubject.achievement.id,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'Verification course',
        description: 'Verification course',
        criteria: { narrative: 'Completed the course Verification course.' },
        creator: { id: `${origin}/api/certificates/issuer`, type: ['Profile'], name: 'Aula', url: origin },
        inLanguage: 'en',
      });
      for (const personal of [h.certificate.holderName, h.email, h.certificate.cohort, h.certificate.code])
        expect(res.body).not.toContain(personal);
    });

    it('answers 404 for an unknown course and for a course that has awarded no certificate, 400 for a malformed id', async () => {
      const unawarded = await certificateCohort(db, 'Unawarded');
      for (const id of [randomUUID(), unawarded.courseId]) {
        const res = await t.request({ method: 'GET', url: `/api/certificates/achievements/${id}` });
        expect(res.statusCode).toBe(404);
      }
      const malformed = await t.request({ method: 'GET', url: '/api/certificates/achievements/not-a-uuid' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ errors: [{ path: 'id', message: 'must be a UUID' }] });
    });
  });
});
