import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CourseStatus } from '@aula/contracts';
import { AccessPolicy, type Actor } from '@aula/server/identity';

/**
 * Who may see which cohort, enrolment and course content. Asked by the services, never only by
 * guards; whatever someone may not see answers 404, exactly like what does not exist.
 *
 * - Administrators see everything.
 * - A tutor sees the cohorts they are assigned to, their enrolments and their course's content.
 * - A trainee sees their own enrolments, and the content of a course while their enrolment in one
 *   of its cohorts is active or completed.
 */
@Injectable()
export class EnrolmentPolicy {
  constructor(private readonly dataSource: DataSource) {}

  isAdmin(actor: Actor): boolean {
    return AccessPolicy.hasRole(actor, 'admin');
  }

  async isTutorOf(
    actor: Actor,
    cohortId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (!AccessPolicy.hasRole(actor, 'tutor')) return false;
    const rows: unknown[] = await em.query(
      'SELECT 1 FROM cohort_tutors WHERE cohort_id = $1 AND user_id = $2',
      [cohortId, actor.id],
    );
    return rows.length > 0;
  }

  /**
   * Cohort views, rosters and exports: tutors and administrators only (403 for others); a tutor
   * not assigned to this cohort gets 404. Call after finding the cohort (404 when absent).
   */
  async assertCanManageCohort(actor: Actor, cohortId: string, em?: EntityManager): Promise<void> {
    AccessPolicy.assertRole(actor, 'admin', 'tutor');
    if (this.isAdmin(actor)) return;
    AccessPolicy.assertVisible(await this.isTutorOf(actor, cohortId, em));
  }

  /** An enrolment by id: its owner, the tutors of its cohort and administrators; 404 for anyone else. */
  async assertCanSeeEnrolment(
    actor: Actor,
    enrolment: { userId: string; cohortId: string },
    em?: EntityManager,
  ): Promise<void> {
    if (enrolment.userId === actor.id || this.isAdmin(actor)) return;
    AccessPolicy.assertVisible(await this.isTutorOf(actor, enrolment.cohortId, em));
  }

  /** Activities and their files. Only administrators see the content of unpublished courses. */
  async canReadCourseContent(
    actor: Actor | null,
    course: { courseId: string; courseStatus: CourseStatus },
    em: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (!actor) return false;
    if (this.isAdmin(actor)) return true;
    if (course.courseStatus !== 'published') return false;
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.user_id = $2 AND c.course_id = $1 AND e.status IN ('active', 'completed')
       UNION ALL
       SELECT 1 FROM cohort_tutors ct JOIN cohorts c ON c.id = ct.cohort_id
        WHERE $3 AND ct.user_id = $2 AND c.course_id = $1
       LIMIT 1`,
      [course.courseId, actor.id, AccessPolicy.hasRole(actor, 'tutor')],
    );
    return rows.length > 0;
  }
}
