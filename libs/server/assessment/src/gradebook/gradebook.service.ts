import { Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  GRADEBOOK_CATEGORY_MAX_LENGTH,
  GRADEBOOK_WEIGHT_MAX,
  type CohortGradebook,
  type CourseGradingInput,
  type CourseGradingView,
  type GradebookItem,
  type GradebookRow,
  type GradeStatus,
  type GradingRules,
  type Locale,
  type OwnGradebook,
} from '@aula/contracts';
import { fieldError } from '@aula/server/core';
import { decodeCursor, encodeCursor } from '@aula/server/database';
import { CompletionService, EnrolmentPolicy, EnrolmentService } from '@aula/server/enrolment';
import { AccessPolicy, type Actor } from '@aula/server/identity';
import { compileTotal, passed } from './course-total';
import { courseGradingRules, courseTotalPercent, rulesOf } from './course-standing';
import {
  COURSE_GRADING_SQL,
  GRADEBOOK_HEAD_SQL,
  GRADEBOOK_ROWS_SQL,
  OWN_GRADES_SQL,
} from './gradebook.queries';

export interface GradebookHead extends GradingRules {
  cohortName: string;
  courseId: string;
  timeZone: string;
  defaultLocale: Locale;
  items: GradebookItem[];
}

interface RowSql {
  enrolmentId: string;
  userId: string;
  displayName: string;
  email: string;
  enrolmentStatus: GradebookRow['enrolmentStatus'];
  sortKey: string;
  /** `n points status` per grade, comma-separated (see GRADEBOOK_ROWS_SQL); null: no grades. */
  cells: string | null;
}

/**
 * One row's marks from GRADEBOOK_ROWS_SQL's text into `points` and `statuses` (aligned with the
 * items); `released` gets the points that count toward the total (released grades), null elsewhere.
 * Unreleased marks of `blind` items (blind marking) are left out.
 */
export function readMarks(
  text: string | null,
  blind: readonly boolean[],
  points: (number | null)[],
  statuses: (GradeStatus | null)[],
  released: (number | null)[],
): void {
  points.fill(null);
  statuses.fill(null);
  released.fill(null);
  if (!text) return;
  const width = points.length;
  for (const part of text.split(',')) {
    const [n, p, status] = part.split(' ');
    const index = Number(n) - 1;
    if (!(index >= 0 && index < width) || (blind[index] && status !== 'released')) continue;
    const value = p === '' ? null : Number(p);
    points[index] = value;
    statuses[index] = status as GradeStatus;
    if (status === 'released') released[index] = value;
  }
}

/**
 * The gradebook of a cohort (trainees × graded items, course total, pass or fail), a trainee's own
 * row, and the course's grading settings. Totals count released grades only; see
 * `course-total.ts` for the arithmetic. Also registers "the total reaches the pass mark" as a
 * course completion condition for courses that ask for it.
 */
@Injectable()
export class GradebookService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: EnrolmentPolicy,
    private readonly completion: CompletionService,
    private readonly enrolments: EnrolmentService,
  ) {}

  onModuleInit(): void {
    this.completion.registerCondition({
      name: 'passMarkReached',
      met: (em, enrolment) => this.passMarkReached(em, enrolment.id, enrolment.courseId),
    });
  }

  /** The cohort's head (rules and items) after checking the actor may manage the cohort. */
  async head(
    actor: Actor,
    cohortId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<GradebookHead> {
    // Trainees get their 403 before learning whether the cohort exists.
    AccessPolicy.assertRole(actor, 'admin', 'tutor');
    const [head] = (await em.query(GRADEBOOK_HEAD_SQL, [cohortId])) as GradebookHead[];
    if (!head) throw new NotFoundException();
    await this.policy.assertCanManageCohort(actor, cohortId, em);
    return head;
  }

  /** Trainees by name with every mark (unreleased ones marked as such) and their totals. */
  async cohort(
    actor: Actor,
    cohortId: string,
    query: { limit?: number; cursor?: string } = {},
  ): Promise<CohortGradebook> {
    const head = await this.head(actor, cohortId);
    const { rows, nextCursor } = await this.rows(this.dataSource.manager, cohortId, head, query);
    return {
      cohortId,
      cohortName: head.cohortName,
      courseId: head.courseId,
      ...rulesOf(head),
      rows,
      nextCursor,
    };
  }

  async rows(
    em: EntityManager,
    cohortId: string,
    head: GradebookHead,
    query: { limit?: number; cursor?: string },
  ): Promise<{ rows: GradebookRow[]; nextCursor: string | null }> {
    const after = query.cursor ? decodeCursor(query.cursor, 2) : [null, null];
    const limit = query.limit ?? null;
    const raw = (await em.query(GRADEBOOK_ROWS_SQL, [
      cohortId,
      head.items.map((i) => i.activityId),
      after[0],
      after[1],
      limit === null ? null : limit + 1,
    ])) as RowSql[];
    const page = limit === null ? raw : raw.slice(0, limit);
    const total = compileTotal(head.items, head.categoryWeights ?? {});
    const width = head.items.length;
    const released = new Array<number | null>(width);
    const blind = head.items.map((i) => i.blindMarking === true);
    const rows = page.map((r): GradebookRow => {
      const points = new Array<number | null>(width);
      const statuses = new Array<GradeStatus | null>(width);
      readMarks(r.cells, blind, points, statuses, released);
      const totalPercent = total.total(released);
      return {
        enrolmentId: r.enrolmentId,
        userId: r.userId,
        displayName: r.displayName,
        email: r.email,
        enrolmentStatus: r.enrolmentStatus,
        points,
        statuses,
        totalPercent,
        passed: passed(totalPercent, head.passPercent),
      };
    });
    const last = page.at(-1);
    return {
      rows,
      nextCursor:
        limit !== null && raw.length > limit && last ? encodeCursor([last.sortKey, last.enrolmentId]) : null,
    };
  }

  /** A trainee's own row: released grades only. Someone else's enrolment answers 404. */
  async own(actor: Actor, enrolmentId: string): Promise<OwnGradebook> {
    const em = this.dataSource.manager;
    const enrolment = await this.enrolments.findEnrolment(enrolmentId, em);
    if (!enrolment) throw new NotFoundException();
    await this.policy.assertCanSeeEnrolment(actor, enrolment, em);
    const [head] = (await em.query(GRADEBOOK_HEAD_SQL, [enrolment.cohortId])) as GradebookHead[];
    const grades = (await em.query(OWN_GRADES_SQL, [enrolmentId])) as {
      activityId: string;
      points: number | null;
      releasedAt: Date;
    }[];
    const byActivity = new Map(grades.map((g) => [g.activityId, g]));
    const rules = rulesOf(head);
    const cells = rules.items.map((item) => {
      const g = byActivity.get(item.activityId);
      return g ? { points: g.points, releasedAt: new Date(g.releasedAt).toISOString() } : null;
    });
    const totalPercent = compileTotal(rules.items, rules.categoryWeights).total(
      cells.map((c) => c?.points ?? null),
    );
    return {
      cohortId: enrolment.cohortId,
      cohortName: head.cohortName,
      courseId: head.courseId,
      enrolmentId,
      ...rules,
      cells,
      totalPercent,
      passed: passed(totalPercent, rules.passPercent),
    };
  }

  /** The completion condition: true unless the course asks for the pass mark and the total is below it. */
  async passMarkReached(em: EntityManager, enrolmentId: string, courseId: string): Promise<boolean> {
    const rules = await courseGradingRules(em, courseId);
    if (!rules?.completionRequiresPass || rules.passPercent === null) return true;
    return passed(await courseTotalPercent(em, enrolmentId, rules), rules.passPercent) === true;
  }

  // ---- course grading settings (administrators) ----

  async settings(
    actor: Actor,
    courseId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<CourseGradingView> {
    AccessPolicy.assertRole(actor, 'admin');
    const [course] = (await em.query(COURSE_GRADING_SQL, [courseId])) as (GradingRules & {
      items: GradebookItem[];
    })[];
    if (!course) throw new NotFoundException();
    return { courseId, ...rulesOf(course) };
  }

  /**
   * Saves weights and categories of the listed items (items not listed keep theirs; max points
   * belong to the quiz or assignment settings and are never changed here), category weights and
   * the pass mark. When the completion rule changes, active enrolments with every required
   * activity done are looked at again, in the same transaction.
   */
  async updateSettings(
    actor: Actor,
    courseId: string,
    input: CourseGradingInput,
  ): Promise<CourseGradingView> {
    AccessPolicy.assertRole(actor, 'admin');
    return this.dataSource.transaction(async (em) => {
      const before = await this.settings(actor, courseId, em);
      const known = new Set(before.items.map((i) => i.activityId));
      const seen = new Set<string>();
      input.items.forEach((item, index) => {
        if (!known.has(item.activityId) || seen.has(item.activityId)) {
          throw fieldError(
            `items.${index}.activityId`,
            'is not a graded activity of this course, or appears twice',
          );
        }
        seen.add(item.activityId);
      });
      for (const [name, weight] of Object.entries(input.categoryWeights)) {
        if (!name.trim() || name.length > GRADEBOOK_CATEGORY_MAX_LENGTH) {
          throw fieldError(
            'categoryWeights',
            `category names must be 1–${GRADEBOOK_CATEGORY_MAX_LENGTH} characters`,
          );
        }
        if (
          typeof weight !== 'number' ||
          !Number.isFinite(weight) ||
          weight < 0 ||
          weight > GRADEBOOK_WEIGHT_MAX
        ) {
          throw fieldError(`categoryWeights.${name}`, `must be a number from 0 to ${GRADEBOOK_WEIGHT_MAX}`);
        }
      }
      for (const item of input.items) {
        await em.query(
          `INSERT INTO grade_items (activity_id, course_id, weight, category) VALUES ($1, $2, $3, $4)
           ON CONFLICT (activity_id) DO UPDATE SET weight = EXCLUDED.weight, category = EXCLUDED.category`,
          [item.activityId, courseId, item.weight, item.category?.trim() || null],
        );
      }
      await em.query(
        `INSERT INTO course_grading (course_id, pass_percent, completion_requires_pass, category_weights)
         VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (course_id) DO UPDATE SET pass_percent = EXCLUDED.pass_percent,
           completion_requires_pass = EXCLUDED.completion_requires_pass, category_weights = EXCLUDED.category_weights`,
        [courseId, input.passPercent, input.completionRequiresPass, JSON.stringify(input.categoryWeights)],
      );
      const after = await this.settings(actor, courseId, em);
      if (before.completionRequiresPass || after.completionRequiresPass)
        await this.completion.recomputeCourse(em, courseId);
      return after;
    });
  }
}
