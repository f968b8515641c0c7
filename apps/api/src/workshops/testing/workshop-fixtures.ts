import { DataSource } from 'typeorm';
import { routeUrl, workshopsApi, type WorkshopView } from '@aula/contracts';
import { SessionService, User } from '@aula/server/identity';
import { uniqueEmail, type TestApp } from '../../testing/test-app';
import { caller, createInstitution, createRegion, uniqueWord } from '../../directory/testing/directory-fixtures';

export { caller, fieldsOf, signInAdmin, uniqueWord } from '../../directory/testing/directory-fixtures';

export type Caller = ReturnType<typeof caller>;

/** A person signed in: their id and a caller with their token. */
export interface Person {
  id: string;
  call: Caller;
}

/**
 * People with accounts, made directly (no password hashing: these tests never sign in with a
 * password) and given a session, so a test can have hundreds of them quickly.
 */
export async function people(t: TestApp, count: number, overrides: Partial<User> = {}): Promise<Person[]> {
  const repo = t.app.get(DataSource).getRepository(User);
  const users = await repo.save(
    Array.from({ length: count }, (_, i) => {
      const email = uniqueEmail(`ws${i}`);
      const displayName = overrides.displayName ?? `Participant ${i}`;
      return repo.create({
        email,
        displayName,
        passwordHash: 'not-a-hash',
        roles: ['trainee'],
        searchText: `${displayName} ${email}`.toLowerCase(),
        ...overrides,
      });
    }),
  );
  const sessions = t.app.get(SessionService);
  return Promise.all(
    users.map(async (u) => ({ id: u.id, call: caller(t, (await sessions.start(u)).session.accessToken) })),
  );
}

export const person = async (t: TestApp, overrides: Partial<User> = {}): Promise<Person> => (await people(t, 1, overrides))[0];

/** A host institution and two regions in the directory. */
export async function directoryRecords(admin: Caller): Promise<{ institutionId: string; regionIds: [string, string] }> {
  const institution = await createInstitution(admin, `Instituto ${uniqueWord()}`);
  const a = await createRegion(admin);
  const b = await createRegion(admin, { country: 'AR', subdivision: 'AR-X', name: { es: 'Córdoba' } });
  return { institutionId: institution.id, regionIds: [a.id, b.id] };
}

/** A valid workshop body (interregional, in person, open registration, far in the future). */
export function workshopBody(records: { institutionId: string; regionIds: [string, string] }, overrides: Record<string, unknown> = {}) {
  return {
    slug: `taller-${uniqueWord()}`,
    kind: 'interregional',
    defaultLocale: 'es',
    title: { es: 'Intercambio interregional', en: 'Interregional exchange' },
    summary: { es: 'Resumen' },
    hostInstitutionId: records.institutionId,
    hostRegionId: records.regionIds[0],
    participatingRegionIds: records.regionIds,
    format: 'hybrid',
    venue: { address: 'Calle 10 # 5-20', city: 'Medellín', country: 'CO' },
    onlineUrl: 'https://meet.example.org/taller',
    timeZone: 'America/Bogota',
    startDate: '2031-03-10',
    endDate: '2031-03-12',
    expectedHours: 16,
    registrationMode: 'open',
    ...overrides,
  };
}

export async function createWorkshop(
  admin: Caller,
  records: { institutionId: string; regionIds: [string, string] },
  overrides: Record<string, unknown> = {},
): Promise<WorkshopView> {
  const res = await admin('POST', routeUrl(workshopsApi.createWorkshop), workshopBody(records, overrides));
  if (res.statusCode !== 201) throw new Error(`create workshop: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function setStatus(admin: Caller, id: string, to: string): Promise<void> {
  const res = await admin('POST', routeUrl(workshopsApi.setWorkshopStatus, { id }), { to });
  if (res.statusCode !== 200) throw new Error(`status ${to}: ${res.statusCode} ${res.body}`);
}

/** A published workshop, ready for registrations. */
export async function publishedWorkshop(
  admin: Caller,
  records: { institutionId: string; regionIds: [string, string] },
  overrides: Record<string, unknown> = {},
): Promise<WorkshopView> {
  const workshop = await createWorkshop(admin, records, overrides);
  await setStatus(admin, workshop.id, 'published');
  return workshop;
}
