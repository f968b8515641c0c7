import type { EntityManager } from 'typeorm';
import type { MarkingParticipant } from '@aula/contracts';

/** Numbers drawn for blind marking: 4 digits while they last, more for very large cohorts. */
const LOW = 1000;

/**
 * Gives every active or completed trainee of `cohortId` a participant number for each of the
 * blind-marked `activityIds` that lacks one. Numbers are drawn at random (never from names, emails
 * or enrolment order) and kept: concurrent callers meet on the unique keys, and a draw that hits a
 * number already taken is simply drawn again.
 */
export async function ensureParticipantNumbers(
  em: EntityManager,
  cohortId: string,
  activityIds: string[],
  enrolmentId?: string,
): Promise<void> {
  if (activityIds.length === 0) return;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await em.query(
      `INSERT INTO marking_participants (activity_id, enrolment_id, number)
       SELECT a.id, e.id,
              $4::int + floor(random() * (9000 + 10 * (SELECT count(*) FROM enrolments x WHERE x.cohort_id = $1)))::int
         FROM unnest($2::uuid[]) AS a(id)
         CROSS JOIN enrolments e
        WHERE e.cohort_id = $1
          AND ($3::uuid IS NULL OR e.id = $3::uuid)
          AND (e.status IN ('active', 'completed') OR e.id = $3::uuid)
          AND NOT EXISTS (SELECT 1 FROM marking_participants p WHERE p.activity_id = a.id AND p.enrolment_id = e.id)
       ON CONFLICT DO NOTHING`,
      [cohortId, activityIds, enrolmentId ?? null, LOW],
    );
    const [{ missing }] = (await em.query(
      `SELECT count(*)::int AS missing
         FROM unnest($2::uuid[]) AS a(id)
         CROSS JOIN enrolments e
        WHERE e.cohort_id = $1
          AND ($3::uuid IS NULL OR e.id = $3::uuid)
          AND (e.status IN ('active', 'completed') OR e.id = $3::uuid)
          AND NOT EXISTS (SELECT 1 FROM marking_participants p WHERE p.activity_id = a.id AND p.enrolment_id = e.id)`,
      [cohortId, activityIds, enrolmentId ?? null],
    )) as { missing: number }[];
    if (missing === 0) return;
  }
  throw new Error('could not draw participant numbers');
}

/** Blind marking: until release, only the number; otherwise the person. */
export function participantOf(
  who: { enrolmentId: string; displayName: string; email: string; participantNumber: number | null },
  hidden: boolean,
): MarkingParticipant {
  return {
    enrolmentId: who.enrolmentId,
    hidden,
    participantNumber: who.participantNumber,
    displayName: hidden ? null : who.displayName,
    email: hidden ? null : who.email,
  };
}
