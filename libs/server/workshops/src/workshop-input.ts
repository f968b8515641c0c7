import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  LOCALES,
  WORKSHOP_ATTENDANCE_THRESHOLD_DEFAULT,
  WORKSHOP_HOLD_HOURS_DEFAULT,
  type Translations,
  type WorkshopInput,
  type WorkshopVenue,
} from '@aula/contracts';
import { cleanPlainTranslations } from '@aula/server/core';
import { DirectoryReader } from '@aula/server/directory';
import { localDate } from './workshop.rules';
import type { Workshop } from './workshop.entity';

export interface FieldProblem {
  path: string;
  message: string;
}

/** One 400 naming every field at fault. */
export function fieldsError(problems: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    message: `Invalid fields: ${problems.map((p) => p.path).join(', ')}`,
    errors: problems,
  });
}

/** Multi-line text per language: canonical form, trimmed, empty languages dropped. */
export function cleanLongTranslations(text: Translations | null | undefined): Translations {
  const clean: Translations = {};
  for (const locale of LOCALES) {
    const value = text?.[locale];
    if (typeof value !== 'string') continue;
    const tidy = value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (tidy) clean[locale] = tidy;
  }
  return clean;
}

/** A workshop's fields after a create or update, checked together. */
export type WorkshopFields = Omit<Workshop, 'id' | 'status' | 'seatsTaken' | 'arrivals' | 'cancelledReason' | 'questions' | 'createdAt' | 'updatedAt'>;

/** The stored form of a workshop input (text cleaned, instants parsed), over `base` for an update. */
export function mergeWorkshop(base: WorkshopFields | null, input: Partial<WorkshopInput>): WorkshopFields {
  const instant = (value: string | null | undefined, fallback: Date | null): Date | null =>
    value === undefined ? fallback : value === null ? null : new Date(value);
  const pick = <K extends keyof WorkshopInput, V>(key: K, fallback: V): NonNullable<WorkshopInput[K]> | V =>
    (input[key] ?? fallback) as NonNullable<WorkshopInput[K]> | V;
  const nullable = <K extends keyof WorkshopInput, V>(key: K, fallback: V): WorkshopInput[K] | V =>
    input[key] === undefined ? fallback : input[key];
  return {
    slug: pick('slug', base?.slug ?? ''),
    kind: pick('kind', base?.kind ?? 'interregional'),
    defaultLocale: pick('defaultLocale', base?.defaultLocale ?? 'en'),
    title: input.title ? cleanPlainTranslations(input.title) : (base?.title ?? {}),
    summary: input.summary ? cleanPlainTranslations(input.summary) : (base?.summary ?? {}),
    objectives: input.objectives ? cleanLongTranslations(input.objectives) : (base?.objectives ?? {}),
    hostInstitutionId: pick('hostInstitutionId', base?.hostInstitutionId ?? ''),
    hostRegionId: pick('hostRegionId', base?.hostRegionId ?? ''),
    participatingRegionIds: pick('participatingRegionIds', base?.participatingRegionIds ?? []),
    format: pick('format', base?.format ?? 'in-person'),
    venue: (nullable('venue', base?.venue ?? null) ?? null) as WorkshopVenue | null,
    onlineUrl: (nullable('onlineUrl', base?.onlineUrl ?? null) ?? null) as string | null,
    timeZone: pick('timeZone', base?.timeZone ?? 'UTC'),
    startDate: pick('startDate', base?.startDate ?? ''),
    endDate: pick('endDate', base?.endDate ?? ''),
    expectedHours:
      input.expectedHours === undefined ? (base?.expectedHours ?? null) : input.expectedHours === null ? null : String(input.expectedHours),
    capacity: (nullable('capacity', base?.capacity ?? null) ?? null) as number | null,
    countryQuota: (nullable('countryQuota', base?.countryQuota ?? null) ?? null) as number | null,
    registrationMode: pick('registrationMode', base?.registrationMode ?? 'open'),
    registrationOpensAt: instant(input.registrationOpensAt, base?.registrationOpensAt ?? null),
    registrationClosesAt: instant(input.registrationClosesAt, base?.registrationClosesAt ?? null),
    holdHours: pick('holdHours', base?.holdHours ?? WORKSHOP_HOLD_HOURS_DEFAULT),
    attendanceThreshold: pick('attendanceThreshold', base?.attendanceThreshold ?? WORKSHOP_ATTENDANCE_THRESHOLD_DEFAULT),
  };
}

/**
 * The rules between fields and against the directory: the title in the default language, dates
 * in order, one region for a region-specific workshop, a venue or link as the format needs,
 * the registration window in order, and host and regions that exist.
 */
export async function checkWorkshop(
  w: WorkshopFields,
  directory: DirectoryReader,
  em: EntityManager,
  sessions: { startsAt: Date; endsAt: Date }[] = [],
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (!w.title[w.defaultLocale]) problems.push({ path: `title.${w.defaultLocale}`, message: 'is required in the default language' });
  if (w.endDate < w.startDate) problems.push({ path: 'endDate', message: 'must be on or after startDate' });
  if (w.kind === 'region-specific' && w.participatingRegionIds.length !== 1)
    problems.push({ path: 'participatingRegionIds', message: 'must hold exactly one region for a region-specific workshop' });
  if (new Set(w.participatingRegionIds).size !== w.participatingRegionIds.length)
    problems.push({ path: 'participatingRegionIds', message: 'must not repeat a region' });
  if (w.format !== 'online' && !w.venue) problems.push({ path: 'venue', message: 'is required for an in-person or hybrid workshop' });
  if (w.format !== 'in-person' && !w.onlineUrl) problems.push({ path: 'onlineUrl', message: 'is required for an online or hybrid workshop' });
  if (w.registrationOpensAt && w.registrationClosesAt && w.registrationClosesAt <= w.registrationOpensAt)
    problems.push({ path: 'registrationClosesAt', message: 'must be after registrationOpensAt' });
  if (w.capacity !== null && w.countryQuota !== null && w.countryQuota > w.capacity)
    problems.push({ path: 'countryQuota', message: 'must not exceed capacity' });
  const outside = sessions.some(
    (s) => localDate(s.startsAt, w.timeZone) < w.startDate || localDate(s.endsAt, w.timeZone) > w.endDate,
  );
  if (outside) problems.push({ path: 'startDate', message: 'must leave every session of the agenda within the dates' });

  const institutions = await directory.institutionRefs([w.hostInstitutionId], null, em);
  if (!institutions.has(w.hostInstitutionId))
    problems.push({ path: 'hostInstitutionId', message: 'is not an institution of the directory' });
  const regions = await directory.regionRefs([w.hostRegionId, ...w.participatingRegionIds], null, em);
  if (!regions.has(w.hostRegionId)) problems.push({ path: 'hostRegionId', message: 'is not a region of the directory' });
  w.participatingRegionIds.forEach((id, i) => {
    if (!regions.has(id)) problems.push({ path: `participatingRegionIds.${i}`, message: 'is not a region of the directory' });
  });
  if (problems.length) throw fieldsError(problems);
}
