import {
  WORKSHOP_REGISTRATION_STATUSES,
  type WorkshopRegistrationRow,
  type WorkshopRegistrationStatus,
} from '@aula/contracts';
import type { ChartRow } from '../network/bar-chart';

export const REGISTRATION_SORTS = ['arrival', 'name', 'status', 'country'] as const;
export type RegistrationSort = (typeof REGISTRATION_SORTS)[number];

/** What an organiser may do to a registration in each status (the API refuses anything else with a 409). */
export const APPROVABLE: readonly WorkshopRegistrationStatus[] = ['pending'];
export const DECLINABLE: readonly WorkshopRegistrationStatus[] = ['pending', 'waitlisted', 'offered'];

export function isSort(value: string | null | undefined): value is RegistrationSort {
  return (REGISTRATION_SORTS as readonly string[]).includes(value ?? '');
}

export function isRegistrationStatus(value: string | null | undefined): value is WorkshopRegistrationStatus {
  return (WORKSHOP_REGISTRATION_STATUSES as readonly string[]).includes(value ?? '');
}

/**
 * The rows to show: one status or all, in the chosen order. Ties keep arrival order, which is
 * also the order seats and the waiting list follow, so the table can always explain it.
 */
export function visibleRows(
  rows: readonly WorkshopRegistrationRow[],
  status: WorkshopRegistrationStatus | '',
  sort: RegistrationSort,
  locale: string,
): WorkshopRegistrationRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const statusOrder = (s: WorkshopRegistrationStatus) => WORKSHOP_REGISTRATION_STATUSES.indexOf(s);
  const compare: Record<RegistrationSort, (a: WorkshopRegistrationRow, b: WorkshopRegistrationRow) => number> = {
    arrival: () => 0,
    name: (a, b) => collator.compare(a.displayName, b.displayName),
    status: (a, b) => statusOrder(a.status) - statusOrder(b.status),
    // People without a country last.
    country: (a, b) => (a.country === null ? 1 : 0) - (b.country === null ? 1 : 0) || collator.compare(a.country ?? '', b.country ?? ''),
  };
  return rows
    .filter((row) => !status || row.status === status)
    .sort((a, b) => compare[sort](a, b) || a.arrival - b.arrival);
}

/** The waiting list in its order: place 1 first. */
export function waitingList(rows: readonly WorkshopRegistrationRow[]): WorkshopRegistrationRow[] {
  return rows
    .filter((row) => row.status === 'waitlisted' || row.status === 'offered')
    .sort((a, b) => a.arrival - b.arrival);
}

/** Of the selected registrations, those an action applies to, and how many it leaves out. */
export function applicable(
  rows: readonly WorkshopRegistrationRow[],
  selected: ReadonlySet<string>,
  statuses: readonly WorkshopRegistrationStatus[],
): { rows: WorkshopRegistrationRow[]; skipped: number } {
  const chosen = rows.filter((row) => selected.has(row.id));
  const fit = chosen.filter((row) => statuses.includes(row.status));
  return { rows: fit, skipped: chosen.length - fit.length };
}

/** Registrations per status, every status present (zeros included) in lifecycle order. */
export function countsByStatus(
  rows: readonly WorkshopRegistrationRow[],
  label: (status: WorkshopRegistrationStatus) => string,
): ChartRow[] {
  return WORKSHOP_REGISTRATION_STATUSES.map((status) => ({
    key: status,
    label: label(status),
    value: rows.filter((row) => row.status === status).length,
  }));
}

/** Registrations holding or waiting for a seat per country (declined, withdrawn and expired left out). */
export function countsByCountry(
  rows: readonly WorkshopRegistrationRow[],
  label: (country: string | null) => string,
): ChartRow[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.status === 'declined' || row.status === 'withdrawn' || row.status === 'expired') continue;
    const key = row.country ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, value]) => ({ key: key || 'none', label: label(key || null), value }));
}
