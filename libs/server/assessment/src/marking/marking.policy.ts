import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  AssignmentLatePolicy,
  EnrolmentStatus,
  Locale,
  RubricDefinition,
  Translations,
} from '@aula/contracts';
import { EnrolmentPolicy } from '@aula/server/enrolment';
import { AccessPolicy, type Actor } from '@aula/server/identity';

/** One trainee's work on one assignment, with what marking needs to know around it. */
export interface MarkingContext {
  activityId: string;
  activityTitle: Translations;
  defaultLocale: Locale;
  enrolmentId: string;
  enrolmentStatus: EnrolmentStatus;
  userId: string;
  displayName: string;
  email: string;
  cohortId: string;
  cohortName: string;
  timeZone: string;
  courseId: string;
  blindMarking: boolean;
  rubric: RubricDefinition | null;
  latePolicy: AssignmentLatePolicy;
  latePenaltyPercentPerDay: number;
}

/**
 * Who may mark what, asked in one place:
 * - marking (queue, marks, feedback files, release) is for the cohort's tutors and administrators;
 *   trainees get 403, tutors of other cohorts 404, exactly like a cohort that does not exist;
 * - a feedback file is also for its trainee, once the grade is released (404 before).
 */
@Injectable()
export class MarkingPolicy {
  constructor(private readonly enrolments: EnrolmentPolicy) {}

  isAdmin(actor: Actor): boolean {
    return this.enrolments.isAdmin(actor);
  }

  /** 403 for anyone who is neither tutor nor administrator, before anything is looked up. */
  assertMarker(actor: Actor): void {
    AccessPolicy.assertRole(actor, 'admin', 'tutor');
  }

  /** The cohort's name, time zone and course; 404 when absent or not the actor's. */
  async assertCanMarkCohort(
    em: EntityManager,
    actor: Actor,
    cohortId: string,
  ): Promise<{ id: string; name: string; timeZone: string; courseId: string }> {
    this.assertMarker(actor);
    const [cohort] = (await em.query(
      `SELECT id, name, time_zone AS "timeZone", course_id AS "courseId" FROM cohorts WHERE id = $1`,
      [cohortId],
    )) as { id: string; name: string; timeZone: string; courseId: string }[];
    if (!cohort) throw new NotFoundException();
    await this.enrolments.assertCanManageCohort(actor, cohortId, em);
    return cohort;
  }

  /** The work of `enrolmentId` on assignment `activityId`, for its markers; 403/404 as above. */
  async assertCanMark(
    em: EntityManager,
    actor: Actor,
    activityId: string,
    enrolmentId: string,
  ): Promise<MarkingContext> {
    this.assertMarker(actor);
    const context = await this.context(em, activityId, enrolmentId);
    await this.enrolments.assertCanManageCohort(actor, context.cohortId, em);
    return context;
  }

  /**
   * The feedback file of a grade: markers always; its trainee only once `released` (the caller
   * says whether it is). 404 for everyone else, and for absent activities or enrolments.
   */
  async assertCanReadFeedback(
    em: EntityManager,
    actor: Actor,
    activityId: string,
    enrolmentId: string,
    released: (context: MarkingContext) => Promise<boolean>,
  ): Promise<MarkingContext> {
    const context = await this.context(em, activityId, enrolmentId);
    if (context.userId === actor.id && !this.isAdmin(actor)) {
      AccessPolicy.assertVisible(await released(context));
      return context;
    }
    if (this.isAdmin(actor)) return context;
    AccessPolicy.assertVisible(await this.enrolments.isTutorOf(actor, context.cohortId, em));
    return context;
  }

  /** 404 unless the activity is an assignment of the enrolment's course. */
  private async context(em: EntityManager, activityId: string, enrolmentId: string): Promise<MarkingContext> {
    const [row] = (await em.query(
      `SELECT a.id AS "activityId", a.title AS "activityTitle", co.default_locale AS "defaultLocale",
              e.id AS "enrolmentId", e.status AS "enrolmentStatus", e.user_id AS "userId",
              u.display_name AS "displayName", u.email,
              c.id AS "cohortId", c.name AS "cohortName", c.time_zone AS "timeZone", c.course_id AS "courseId",
              coalesce(s.blind_marking, false) AS "blindMarking", s.rubric,
              coalesce(s.late_policy::text, 'accept') AS "latePolicy",
              coalesce(s.late_penalty_percent_per_day, 0)::float8 AS "latePenaltyPercentPerDay"
         FROM enrolments e
         JOIN cohorts c ON c.id = e.cohort_id
         JOIN courses co ON co.id = c.course_id
         JOIN users u ON u.id = e.user_id
         JOIN activities a ON a.id = $1 AND a.course_id = c.course_id AND a.kind = 'assignment'
         LEFT JOIN assignments s ON s.activity_id = a.id
        WHERE e.id = $2`,
      [activityId, enrolmentId],
    )) as MarkingContext[];
    if (!row) throw new NotFoundException();
    return row;
  }
}
