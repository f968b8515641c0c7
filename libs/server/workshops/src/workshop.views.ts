import type {
  InstitutionRef,
  RegionRef,
  StakeholderSector,
  WorkshopRegistrationStatus,
  WorkshopRegistrationView,
  WorkshopSessionView,
  WorkshopSpeakerView,
  WorkshopView,
} from '@aula/contracts';
import type { Workshop } from './workshop.entity';
import type { StoredSpeaker, WorkshopSession } from './workshop-session.entity';

/** Display names of people, keyed by id (speakers with accounts). */
export type NameBook = Map<string, string>;

export function speakerViews(speakers: StoredSpeaker[], names: NameBook): WorkshopSpeakerView[] {
  return speakers.map((s) =>
    'userId' in s ? { userId: s.userId, name: names.get(s.userId) ?? '' } : { userId: null, name: s.name },
  );
}

export function toSessionView(s: WorkshopSession, names: NameBook): WorkshopSessionView {
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    speakers: speakerViews(s.speakers, names),
    room: s.room,
    link: s.link,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
  };
}

export const hoursOf = (value: string | number | null): number | null => (value === null ? null : Number(value));

export function toWorkshopView(w: Workshop, sessions: WorkshopSession[], names: NameBook): WorkshopView {
  return {
    id: w.id,
    slug: w.slug,
    kind: w.kind,
    status: w.status,
    defaultLocale: w.defaultLocale,
    title: w.title,
    summary: w.summary,
    objectives: w.objectives,
    hostInstitutionId: w.hostInstitutionId,
    hostRegionId: w.hostRegionId,
    participatingRegionIds: w.participatingRegionIds,
    format: w.format,
    venue: w.venue,
    onlineUrl: w.onlineUrl,
    timeZone: w.timeZone,
    startDate: w.startDate,
    endDate: w.endDate,
    expectedHours: hoursOf(w.expectedHours),
    capacity: w.capacity,
    countryQuota: w.countryQuota,
    registrationMode: w.registrationMode,
    registrationOpensAt: w.registrationOpensAt?.toISOString() ?? null,
    registrationClosesAt: w.registrationClosesAt?.toISOString() ?? null,
    holdHours: w.holdHours,
    attendanceThreshold: w.attendanceThreshold,
    seatsTaken: w.seatsTaken,
    cancelledReason: w.cancelledReason,
    sessions: sessions.map((s) => toSessionView(s, names)),
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

/** A registration as read by REGISTRATION_COLUMNS. */
export interface RegistrationRow {
  id: string;
  workshopId: string;
  userId: string;
  status: WorkshopRegistrationStatus;
  arrival: number;
  country: string | null;
  motivation: string | null;
  institutionId: string | null;
  position: string | null;
  sector: StakeholderSector | null;
  regionId: string | null;
  accessibilityNeeds: string | null;
  answers: Record<string, string> | null;
  offerExpiresAt: Date | null;
  declineReason: string | null;
  waitlistPosition: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Columns of `workshop_registrations r` as a RegistrationRow; the waiting-list place is counted in arrival order. */
export const REGISTRATION_COLUMNS = `r.id, r.workshop_id AS "workshopId", r.user_id AS "userId", r.status, r.arrival,
  r.country, r.motivation, r.institution_id AS "institutionId", r.position, r.sector, r.region_id AS "regionId",
  r.accessibility_needs AS "accessibilityNeeds", r.answers, r.offer_expires_at AS "offerExpiresAt", r.decline_reason AS "declineReason",
  CASE WHEN r.status = 'waitlisted' THEN (
    SELECT count(*)::int FROM workshop_registrations q
     WHERE q.workshop_id = r.workshop_id AND q.status = 'waitlisted' AND q.arrival <= r.arrival) END AS "waitlistPosition",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

/** Directory names of the institutions and regions registrations point to. */
export interface RegistrationRefs {
  institutions: Map<string, InstitutionRef>;
  regions: Map<string, RegionRef>;
}

const NO_REFS: RegistrationRefs = { institutions: new Map(), regions: new Map() };

export function toRegistrationView(r: RegistrationRow, refs: RegistrationRefs = NO_REFS): WorkshopRegistrationView {
  return {
    id: r.id,
    workshopId: r.workshopId,
    userId: r.userId,
    status: r.status,
    country: r.country,
    motivation: r.motivation,
    institution: r.institutionId ? (refs.institutions.get(r.institutionId) ?? null) : null,
    position: r.position,
    sector: r.sector,
    region: r.regionId ? (refs.regions.get(r.regionId) ?? null) : null,
    accessibilityNeeds: r.accessibilityNeeds,
    answers: r.answers ?? {},
    arrival: r.arrival,
    waitlistPosition: r.waitlistPosition,
    offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
    declineReason: r.declineReason,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
