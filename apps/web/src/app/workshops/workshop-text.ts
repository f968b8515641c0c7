import type { WorkshopSummary } from '@aula/contracts';

/** The seats line of a workshop: a translation key and its count. */
export function seatsKey(workshop: Pick<WorkshopSummary, 'seatsLeft' | 'registrationOpen'>): {
  key: string;
  count: number;
} {
  if (workshop.seatsLeft === null) return { key: 'workshops.seats.unlimited', count: 0 };
  if (workshop.seatsLeft > 0) return { key: 'workshops.seats.left', count: workshop.seatsLeft };
  return { key: workshop.registrationOpen ? 'workshops.seats.waitlist' : 'workshops.seats.full', count: 0 };
}
