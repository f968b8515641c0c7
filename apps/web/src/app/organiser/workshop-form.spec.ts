import { WORKSHOP_TRANSITIONS, type WorkshopSessionView, type WorkshopView } from '@aula/contracts';
import { describe, expect, it } from 'vitest';
import {
  emptyWorkshopForm,
  lifecycleActions,
  sessionFormOf,
  speakersFrom,
  toSessionInput,
  toWorkshopInput,
  workshopControlPath,
  workshopFormOf,
  type WorkshopFormValue,
} from './workshop-form';

const filled = (overrides: Partial<WorkshopFormValue> = {}): WorkshopFormValue => ({
  ...emptyWorkshopForm('America/Bogota', 'es'),
  slug: '  agua-2031 ',
  title: { en: ' Water ', es: 'Agua', pt: '  ' },
  summary: { en: '', es: 'Resumen', pt: '' },
  hostInstitutionId: 'inst-1',
  hostRegionId: 'region-a',
  participatingRegionIds: ['region-a', 'region-b', 'region-a'],
  format: 'hybrid',
  venueAddress: ' Calle 10 ',
  venueCity: 'Medellín',
  venueCountry: 'co',
  onlineUrl: ' https://meet.example.org/agua ',
  startDate: '2031-03-10',
  endDate: '2031-03-12',
  expectedHours: '16',
  capacity: '30',
  countryQuota: '',
  registrationOpensAt: '2031-02-01T08:00',
  registrationClosesAt: '',
  ...overrides,
});

describe('toWorkshopInput', () => {
  it('sends trimmed text per language, unique regions, numbers, and window times read on the workshop clock', () => {
    const input = toWorkshopInput(filled());
    expect(input).toMatchObject({
      slug: 'agua-2031',
      kind: 'interregional',
      defaultLocale: 'es',
      title: { en: 'Water', es: 'Agua' },
      summary: { es: 'Resumen' },
      objectives: {},
      hostInstitutionId: 'inst-1',
      hostRegionId: 'region-a',
      participatingRegionIds: ['region-a', 'region-b'],
      format: 'hybrid',
      venue: { address: 'Calle 10', city: 'Medellín', country: 'CO' },
      onlineUrl: 'https://meet.example.org/agua',
      timeZone: 'America/Bogota',
      expectedHours: 16,
      capacity: 30,
      countryQuota: null,
      registrationMode: 'application',
      // 08:00 in Bogotá (UTC−5) is 13:00 UTC.
      registrationClosesAt: null,
      holdHours: 48,
      attendanceThreshold: 75,
    });
    expect(input.title).not.toHaveProperty('pt');
    expect(Date.parse(input.registrationOpensAt ?? '')).toBe(Date.parse('2031-02-01T13:00:00Z'));
  });

  it('leaves out the venue of an online workshop and the link of an in-person one', () => {
    expect(toWorkshopInput(filled({ format: 'online' }))).toMatchObject({
      venue: null,
      onlineUrl: 'https://meet.example.org/agua',
    });
    expect(toWorkshopInput(filled({ format: 'in-person' }))).toMatchObject({
      venue: { city: 'Medellín' },
      onlineUrl: null,
    });
    const noVenue = toWorkshopInput(filled({ venueAddress: '', venueCity: '', venueCountry: '' }));
    expect(noVenue.venue).toBeNull();
  });

  it('gives a region-specific workshop one region: the chosen one, else its host region', () => {
    expect(toWorkshopInput(filled({ kind: 'region-specific' })).participatingRegionIds).toEqual(['region-a']);
    expect(
      toWorkshopInput(filled({ kind: 'region-specific', participatingRegionIds: ['region-b'] })).participatingRegionIds,
    ).toEqual(['region-b']);
  });

  it('reads the numbers number inputs hand over, empty ones as null', () => {
    const input = toWorkshopInput(filled({ expectedHours: null, capacity: 40, countryQuota: 10, holdHours: 24, attendanceThreshold: 80 }));
    expect(input).toMatchObject({ expectedHours: null, capacity: 40, countryQuota: 10, holdHours: 24, attendanceThreshold: 80 });
  });

  it('sends what cannot be read as a number so the API names the field, and drops empty defaults', () => {
    const input = toWorkshopInput(filled({ capacity: 'many', holdHours: '', attendanceThreshold: ' ' }));
    expect(Number.isNaN(input.capacity)).toBe(true);
    expect(input).not.toHaveProperty('holdHours');
    expect(input).not.toHaveProperty('attendanceThreshold');
  });
});

describe('workshopFormOf', () => {
  it('reads a workshop back into the form, window times on its own clock', () => {
    const view = {
      ...toWorkshopInput(filled()),
      id: 'w1',
      status: 'draft',
      title: { es: 'Agua' },
      summary: {},
      objectives: {},
      venue: { address: 'Calle 10', city: 'Medellín', country: 'CO' },
      onlineUrl: 'https://meet.example.org/agua',
      expectedHours: null,
      capacity: 30,
      countryQuota: 2,
      registrationOpensAt: '2031-02-01T13:00:00.000Z',
      registrationClosesAt: null,
      holdHours: 24,
      attendanceThreshold: 80,
      seatsTaken: 0,
      cancelledReason: null,
      sessions: [],
      createdAt: '',
      updatedAt: '',
    } as WorkshopView;
    const form = workshopFormOf(view);
    expect(form).toMatchObject({
      title: { en: '', es: 'Agua', pt: '' },
      venueCountry: 'CO',
      expectedHours: '',
      capacity: '30',
      countryQuota: '2',
      registrationOpensAt: '2031-02-01T08:00',
      registrationClosesAt: '',
      holdHours: '24',
      attendanceThreshold: '80',
    });
    // And the round trip sends the same instants.
    expect(toWorkshopInput(form).registrationOpensAt).toBe('2031-02-01T08:00:00-05:00');
  });
});

describe('workshopControlPath', () => {
  it('puts API field errors on the control that holds the field', () => {
    expect(workshopControlPath('venue.city')).toBe('venueCity');
    expect(workshopControlPath('venue.country')).toBe('venueCountry');
    expect(workshopControlPath('venue')).toBe('venueAddress');
    expect(workshopControlPath('title.es')).toBe('title.es');
    expect(workshopControlPath('participatingRegionIds.1')).toBe('participatingRegionIds');
    expect(workshopControlPath('capacity')).toBe('capacity');
  });
});

describe('the agenda', () => {
  const session: WorkshopSessionView = {
    id: 's1',
    title: { es: 'Apertura' },
    description: {},
    speakers: [
      { userId: 'u1', name: 'Ana Pérez' },
      { userId: null, name: 'Invited guest' },
    ],
    room: 'Sala 1',
    link: null,
    startsAt: '2031-03-10T14:00:00.000Z',
    endsAt: '2031-03-10T15:30:00.000Z',
  };

  it('keeps the account of a speaker whose name stays, and types the others as free text', () => {
    expect(speakersFrom(' ana  pérez \nNew Speaker\n\nnew speaker; Invited guest', session.speakers)).toEqual([
      { userId: 'u1' },
      { name: 'New Speaker' },
      { name: 'Invited guest' },
    ]);
  });

  it('reads a session on the workshop clock and sends it back as the same instants', () => {
    const form = sessionFormOf(session, 'America/Bogota', '2031-03-10');
    expect(form.startsAt).toBe('2031-03-10T09:00');
    expect(form.endsAt).toBe('2031-03-10T10:30');
    expect(form.speakers).toBe('Ana Pérez\nInvited guest');
    const input = toSessionInput({ ...form, link: ' ', room: ' Sala 2 ' }, 'America/Bogota', session.speakers);
    expect(Date.parse(input.startsAt)).toBe(Date.parse(session.startsAt));
    expect(Date.parse(input.endsAt)).toBe(Date.parse(session.endsAt));
    expect(input).toMatchObject({ title: { es: 'Apertura' }, room: 'Sala 2', link: null, speakers: [{ userId: 'u1' }, { name: 'Invited guest' }] });
  });

  it('starts a new session on the first day, and sends an unreadable time as typed', () => {
    expect(sessionFormOf(null, 'Asia/Tokyo', '2031-03-10')).toMatchObject({ startsAt: '2031-03-10T09:00', endsAt: '2031-03-10T10:30' });
    const input = toSessionInput({ ...sessionFormOf(null, 'Asia/Tokyo', ''), startsAt: 'soon' }, 'Asia/Tokyo');
    expect(input.startsAt).toBe('soon');
  });
});

describe('lifecycleActions', () => {
  it('offers the next steps of each state, cancelling last, and reopening from a closed registration', () => {
    expect(lifecycleActions('draft', WORKSHOP_TRANSITIONS).map((a) => a.key)).toEqual(['publish', 'cancel']);
    expect(lifecycleActions('registration-closed', WORKSHOP_TRANSITIONS).map((a) => a.key)).toEqual([
      'reopen',
      'start',
      'cancel',
    ]);
    expect(lifecycleActions('held', WORKSHOP_TRANSITIONS)).toEqual([{ to: 'report-published', key: 'publishReport' }]);
    expect(lifecycleActions('cancelled', WORKSHOP_TRANSITIONS)).toEqual([]);
  });
});
