/**
 * Late submissions. `accept`: late is flagged, nothing deducted. `penalty`: a percentage per
 * started day late, up to 100. `refuse`: nothing is accepted after the cut-off (the due date
 * when there is no cut-off).
 */
export const LATE_POLICIES = ['accept', 'penalty', 'refuse'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

const DAY_SECONDS = 86_400;

/** The penalty (percent of the points) for a submission `lateSeconds` after its due date. */
export function latePenaltyPercent(policy: LatePolicy, percentPerDay: number, lateSeconds: number): number {
  if (policy !== 'penalty' || lateSeconds <= 0) return 0;
  return Math.min(100, Math.ceil(lateSeconds / DAY_SECONDS) * percentPerDay);
}
