import type { CohortSummary } from '@aula/contracts';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** "Seats left: 4 of 30", "Full: new people join the waiting list", "No seat limit". */
export function seatsText(cohort: Pick<CohortSummary, 'capacity' | 'seatsLeft'>, t: Translate): string {
  if (cohort.capacity === null || cohort.seatsLeft === null) return t('cohort.noLimit');
  if (cohort.seatsLeft <= 0) return t('cohort.full');
  return t('cohort.seatsLeft', { count: cohort.seatsLeft, capacity: cohort.capacity });
}
