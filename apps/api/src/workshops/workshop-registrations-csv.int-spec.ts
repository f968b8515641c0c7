import { routeUrl, workshopsApi, type WorkshopRegistrationView } from '@aula/contracts';
import { startTestApp, type TestApp } from '../testing/test-app';
import { caller, directoryRecords, people, person, publishedWorkshop, signInAdmin, type Caller } from './testing/workshop-fixtures';

const HEADER = 'arrival,name,email,status,waitlist_position,offer_expires_at,country,motivation,decline_reason,registered_at';

describe('workshop registrations as CSV for organisers', () => {
  let t: TestApp;
  let admin: Caller;
  let records: Awaited<ReturnType<typeof directoryRecords>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = caller(t, await signInAdmin(t));
    records = await directoryRecords(admin);
  });
  afterAll(() => t.close());

  it('lists every registration in arrival order with its columns, and makes formula cells inert', async () => {
    const w = await publishedWorkshop(admin, records, { capacity: 1 });
    const [first] = await people(t, 1, { displayName: '=HYPERLINK("https://evil.example/","click")' });
    const [second] = await people(t, 1, { displayName: 'Zoë Núñez' });
    const firstReg = (await first.call('POST', routeUrl(workshopsApi.register, { slug: w.slug }), {
      country: 'CO',
      motivation: '+1 for cooperation',
    })).json() as WorkshopRegistrationView;
    const secondReg = (await second.call('POST', routeUrl(workshopsApi.register, { slug: w.slug }), {
      country: 'AR',
      motivation: '@home in water policy',
    })).json() as WorkshopRegistrationView;
    expect([firstReg.status, secondReg.status]).toEqual(['confirmed', 'waitlisted']);

    const res = await admin('GET', routeUrl(workshopsApi.exportRegistrations, { id: w.id }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(`registrations-${w.slug}.csv`);
    expect(res.body.startsWith('\ufeff')).toBe(true);
    const lines = res.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(3);
    // The formula-like name and motivation start with an apostrophe (quoted, as they hold quotes or not).
    expect(lines[1]).toMatch(/^1,"'=HYPERLINK\(""https:\/\/evil\.example\/"",""click""\)",/);
    expect(lines[1]).toContain(',confirmed,,,CO,');
    expect(lines[1]).toContain("'+1 for cooperation");
    expect(lines[2]).toMatch(/^2,Zoë Núñez,/);
    expect(lines[2]).toContain(',waitlisted,1,,AR,');
    expect(lines[2]).toContain("'@home in water policy");
    for (const line of lines.slice(1)) expect(line).not.toMatch(/,[=+\-@]/);

    const waiting = await admin('GET', routeUrl(workshopsApi.exportRegistrations, { id: w.id }, { status: 'waitlisted' }));
    const waitingLines = waiting.body.slice(1).trimEnd().split('\r\n');
    expect(waitingLines).toHaveLength(2);
    expect(waitingLines[1]).toMatch(/^2,Zoë Núñez,/);
  });

  it('answers a 404 to someone who does not organise the workshop, and a 400 for an unknown status', async () => {
    const w = await publishedWorkshop(admin, records);
    const stranger = await person(t);
    expect((await stranger.call('GET', routeUrl(workshopsApi.exportRegistrations, { id: w.id }))).statusCode).toBe(404);
    expect((await admin('GET', routeUrl(workshopsApi.exportRegistrations, { id: w.id }, { status: 'everyone' }))).statusCode).toBe(400);
  });
});
