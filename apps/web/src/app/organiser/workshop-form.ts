import {
  WORKSHOP_ATTENDANCE_THRESHOLD_DEFAULT,
  WORKSHOP_HOLD_HOURS_DEFAULT,
  type Locale,
  type WorkshopFormat,
  type WorkshopInput,
  type WorkshopKind,
  type WorkshopRegistrationMode,
  type WorkshopSessionInput,
  type WorkshopSessionView,
  type WorkshopSpeaker,
  type WorkshopStatus,
  type WorkshopView,
} from '@aula/contracts';
import { textByLocale, toTranslations, type TextByLocale } from '../admin/translations';
import { instantToZoned, zonedToInstant } from '../gradebook/zoned-time';

/** What a number field holds: a number input gives a number or null, its initial value is text. */
export type NumberInput = string | number | null;

/** What the workshop form holds: text per language, numbers as typed, window times on the workshop's clock. */
export interface WorkshopFormValue {
  slug: string;
  kind: WorkshopKind;
  defaultLocale: Locale;
  title: TextByLocale;
  summary: TextByLocale;
  objectives: TextByLocale;
  hostInstitutionId: string;
  hostRegionId: string;
  participatingRegionIds: string[];
  format: WorkshopFormat;
  venueAddress: string;
  venueCity: string;
  venueCountry: string;
  onlineUrl: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  expectedHours: NumberInput;
  capacity: NumberInput;
  countryQuota: NumberInput;
  registrationMode: WorkshopRegistrationMode;
  /** `YYYY-MM-DDTHH:mm` in the workshop's time zone, or empty. */
  registrationOpensAt: string;
  registrationClosesAt: string;
  holdHours: NumberInput;
  attendanceThreshold: NumberInput;
}

export function emptyWorkshopForm(timeZone: string, locale: Locale): WorkshopFormValue {
  return {
    slug: '',
    kind: 'interregional',
    defaultLocale: locale,
    title: textByLocale(undefined),
    summary: textByLocale(undefined),
    objectives: textByLocale(undefined),
    hostInstitutionId: '',
    hostRegionId: '',
    participatingRegionIds: [],
    format: 'in-person',
    venueAddress: '',
    venueCity: '',
    venueCountry: '',
    onlineUrl: '',
    timeZone,
    startDate: '',
    endDate: '',
    expectedHours: '',
    capacity: '',
    countryQuota: '',
    registrationMode: 'application',
    registrationOpensAt: '',
    registrationClosesAt: '',
    holdHours: String(WORKSHOP_HOLD_HOURS_DEFAULT),
    attendanceThreshold: String(WORKSHOP_ATTENDANCE_THRESHOLD_DEFAULT),
  };
}

export function workshopFormOf(w: WorkshopView): WorkshopFormValue {
  return {
    slug: w.slug,
    kind: w.kind,
    defaultLocale: w.defaultLocale,
    title: textByLocale(w.title),
    summary: textByLocale(w.summary),
    objectives: textByLocale(w.objectives),
    hostInstitutionId: w.hostInstitutionId,
    hostRegionId: w.hostRegionId,
    participatingRegionIds: [...w.participatingRegionIds],
    format: w.format,
    venueAddress: w.venue?.address ?? '',
    venueCity: w.venue?.city ?? '',
    venueCountry: w.venue?.country ?? '',
    onlineUrl: w.onlineUrl ?? '',
    timeZone: w.timeZone,
    startDate: w.startDate,
    endDate: w.endDate,
    expectedHours: w.expectedHours === null ? '' : String(w.expectedHours),
    capacity: w.capacity === null ? '' : String(w.capacity),
    countryQuota: w.countryQuota === null ? '' : String(w.countryQuota),
    registrationMode: w.registrationMode,
    registrationOpensAt: instantToZoned(w.registrationOpensAt, w.timeZone),
    registrationClosesAt: instantToZoned(w.registrationClosesAt, w.timeZone),
    holdHours: String(w.holdHours),
    attendanceThreshold: String(w.attendanceThreshold),
  };
}

/**
 * A number as typed: null when empty; NaN stays NaN so the API names the field. Number inputs
 * hand over numbers (or null when empty), text inputs strings: both are read.
 */
function numberOrNull(value: NumberInput): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * The request for the form's value. The venue goes only with in-person and hybrid workshops, the
 * online link only with online and hybrid ones; a region-specific workshop's one participating
 * region is its host region unless another was chosen; window times are read on the workshop's clock.
 */
export function toWorkshopInput(value: WorkshopFormValue): WorkshopInput {
  const inPerson = value.format !== 'online';
  const online = value.format !== 'in-person';
  const venue = {
    address: value.venueAddress.trim(),
    city: value.venueCity.trim(),
    country: value.venueCountry.trim().toUpperCase(),
  };
  const hasVenue = !!(venue.address || venue.city || venue.country);
  let regions = [...new Set(value.participatingRegionIds.filter(Boolean))];
  if (value.kind === 'region-specific') {
    regions = regions.length === 1 ? regions : value.hostRegionId ? [value.hostRegionId] : regions.slice(0, 1);
  }
  const zone = value.timeZone.trim();
  const holdHours = numberOrNull(value.holdHours);
  const threshold = numberOrNull(value.attendanceThreshold);
  const input: WorkshopInput = {
    slug: value.slug.trim(),
    kind: value.kind,
    defaultLocale: value.defaultLocale,
    title: toTranslations(value.title),
    summary: toTranslations(value.summary),
    objectives: toTranslations(value.objectives),
    hostInstitutionId: value.hostInstitutionId,
    hostRegionId: value.hostRegionId,
    participatingRegionIds: regions,
    format: value.format,
    venue: inPerson && hasVenue ? venue : null,
    onlineUrl: online ? value.onlineUrl.trim() || null : null,
    timeZone: zone,
    startDate: value.startDate,
    endDate: value.endDate,
    expectedHours: numberOrNull(value.expectedHours),
    capacity: numberOrNull(value.capacity),
    countryQuota: numberOrNull(value.countryQuota),
    registrationMode: value.registrationMode,
    registrationOpensAt: value.registrationOpensAt ? zonedToInstant(value.registrationOpensAt, zone) : null,
    registrationClosesAt: value.registrationClosesAt ? zonedToInstant(value.registrationClosesAt, zone) : null,
  };
  if (holdHours !== null) input.holdHours = holdHours;
  if (threshold !== null) input.attendanceThreshold = threshold;
  return input;
}

/**
 * The form control an API field error belongs to: `venue.city` → `venueCity`,
 * `participatingRegionIds.0` → `participatingRegionIds`, `title.es` stays (the language's field).
 */
export function workshopControlPath(path: string): string {
  if (path.startsWith('venue.')) {
    const field = path.slice('venue.'.length).split('.')[0] ?? '';
    return `venue${field.charAt(0).toUpperCase()}${field.slice(1)}`;
  }
  if (path === 'venue') return 'venueAddress';
  const [head, second] = path.split('.');
  if ((head === 'title' || head === 'summary' || head === 'objectives') && second) return `${head}.${second}`;
  return head ?? path;
}

// ---- the agenda ----

export interface SessionFormValue {
  title: TextByLocale;
  description: TextByLocale;
  /** Names, one a line; people with accounts keep their link while their name stays. */
  speakers: string;
  room: string;
  link: string;
  /** `YYYY-MM-DDTHH:mm` in the workshop's time zone. */
  startsAt: string;
  endsAt: string;
}

export function sessionFormOf(session: WorkshopSessionView | null, zone: string, day: string): SessionFormValue {
  if (!session) {
    return {
      title: textByLocale(undefined),
      description: textByLocale(undefined),
      speakers: '',
      room: '',
      link: '',
      startsAt: day ? `${day}T09:00` : '',
      endsAt: day ? `${day}T10:30` : '',
    };
  }
  return {
    title: textByLocale(session.title),
    description: textByLocale(session.description),
    speakers: session.speakers.map((s) => s.name).join('\n'),
    room: session.room ?? '',
    link: session.link ?? '',
    startsAt: instantToZoned(session.startsAt, zone),
    endsAt: instantToZoned(session.endsAt, zone),
  };
}

/**
 * Speakers from the typed names: a name that matches (case and spacing aside) a speaker with an
 * account keeps that account; any other is free text. Duplicates and blank lines are dropped.
 */
export function speakersFrom(text: string, existing: WorkshopSessionView['speakers'] = []): WorkshopSpeaker[] {
  const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  const accounts = new Map(existing.filter((s) => s.userId).map((s) => [key(s.name), s.userId as string]));
  const seen = new Set<string>();
  const speakers: WorkshopSpeaker[] = [];
  for (const line of text.split(/\n|;/)) {
    const name = line.trim().replace(/\s+/g, ' ');
    if (!name || seen.has(key(name))) continue;
    seen.add(key(name));
    const userId = accounts.get(key(name));
    speakers.push(userId ? { userId } : { name });
  }
  return speakers;
}

export function toSessionInput(
  value: SessionFormValue,
  zone: string,
  existing: WorkshopSessionView['speakers'] = [],
): WorkshopSessionInput {
  return {
    title: toTranslations(value.title),
    description: toTranslations(value.description),
    speakers: speakersFrom(value.speakers, existing),
    room: value.room.trim() || null,
    link: value.link.trim() || null,
    // An unreadable time goes as typed so the API names the field.
    startsAt: zonedToInstant(value.startsAt, zone) ?? value.startsAt,
    endsAt: zonedToInstant(value.endsAt, zone) ?? value.endsAt,
  };
}

// ---- the lifecycle ----

/** The steps an organiser may take from `status`, as buttons, in the order they make sense. */
export interface LifecycleAction {
  to: WorkshopStatus;
  /** Key under `organiser.lifecycle.actions`. */
  key: string;
}

const ACTION_KEYS: Record<WorkshopStatus, string> = {
  draft: 'draft',
  published: 'publish',
  'registration-closed': 'closeRegistration',
  'in-progress': 'start',
  held: 'markHeld',
  'report-published': 'publishReport',
  cancelled: 'cancel',
};

export function lifecycleActions(status: WorkshopStatus, transitions: Readonly<Record<WorkshopStatus, readonly WorkshopStatus[]>>): LifecycleAction[] {
  return (transitions[status] ?? [])
    .map((to) => ({ to, key: to === 'published' && status === 'registration-closed' ? 'reopen' : ACTION_KEYS[to] }))
    .sort((a, b) => Number(a.to === 'cancelled') - Number(b.to === 'cancelled'));
}
