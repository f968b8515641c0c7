import type { GradeChangeView, GradeStatus, GradeView, RubricMarks } from './assessment';
import type { AssignmentLatePolicy, RubricView, SubmissionFileView } from './assignment';
import type { EnrolmentStatus } from './catalog';

/**
 * Marking: the tutors' grading queue per cohort, one trainee's submission beside the rubric,
 * saving marks (with a version check), feedback files and release. Administrators use the same
 * endpoints; trainees get 403, tutors of other cohorts 404.
 */

/** Plain-text feedback, in characters. */
export const MARKING_FEEDBACK_MAX_LENGTH = 20_000;
/** A feedback file: same formats as activity files (judged by content), at most this size. */
export const MARKING_FEEDBACK_FILE_MAX_BYTES = 25 * 1024 * 1024;
/** Grades named in one bulk release. */
export const MARKING_BULK_RELEASE_MAX = 1000;

/**
 * Where a trainee's work stands for marking:
 * `waiting` submitted and not marked (no grade, or a draft mark); `ready` marked, not released;
 * `released` visible to the trainee; `notSubmitted` nothing submitted and no finished mark.
 */
export const MARKING_QUEUE_STATES = ['waiting', 'ready', 'released', 'notSubmitted'] as const;
export type MarkingQueueState = (typeof MARKING_QUEUE_STATES)[number];

/**
 * Who the work belongs to. Under blind marking, until the grade is released, tutors and
 * administrators see only `participantNumber` ("Participant 4821"): a number drawn at random per
 * assignment and enrolment, stable, unrelated to the person.
 */
export interface MarkingParticipant {
  enrolmentId: string;
  /** True while blind marking hides the person. */
  hidden: boolean;
  participantNumber: number | null;
  displayName: string | null;
  email: string | null;
}

export interface MarkingQueueEntry {
  activityId: string;
  participant: MarkingParticipant;
  enrolmentStatus: EnrolmentStatus;
  state: MarkingQueueState;
  /** `none`: nothing started; `draft`: writing, nothing submitted yet; `submitted`: at least one version. */
  submission: 'none' | 'draft' | 'submitted';
  /** Latest version submitted. */
  submittedAt: string | null;
  versions: number;
  late: boolean;
  lateSeconds: number;
  grade: { id: string; status: GradeStatus; points: number | null; version: number } | null;
}

export interface MarkingAssignmentSummary {
  activityId: string;
  title: string;
  maxPoints: number;
  blindMarking: boolean;
  hasRubric: boolean;
  counts: {
    trainees: number;
    submitted: number;
    late: number;
    waiting: number;
    ready: number;
    released: number;
    notSubmitted: number;
  };
}

/** `GET /api/cohorts/:id/marking`: the cohort and its assignments, in course order, with counts. */
export interface CohortMarkingSummary {
  cohort: { id: string; name: string; courseId: string; courseTitle: string; timeZone: string };
  assignments: MarkingAssignmentSummary[];
}

/** `GET /api/cohorts/:id/marking/queue`: waiting oldest first, then ready, released, not submitted. */
export interface MarkingQueueQuery {
  activityId?: string;
  state?: MarkingQueueState;
  limit?: number;
  cursor?: string;
}

/** `GET /api/tutor/marking`: submissions waiting in the cohorts I tutor, per cohort and assignment. */
export interface TutorMarkingOverviewItem {
  cohortId: string;
  cohortName: string;
  courseTitle: string;
  activityId: string;
  title: string;
  waiting: number;
  late: number;
  oldestSubmittedAt: string;
}
export interface TutorMarkingOverview {
  items: TutorMarkingOverviewItem[];
  totalWaiting: number;
}

export interface MarkingSubmissionFile extends SubmissionFileView {
  /** Access-checked download (attachment). */
  url: string;
}

export interface MarkingSubmissionVersion {
  number: number;
  submittedAt: string;
  lateSeconds: number;
  files: number;
}

/** `GET /api/marking/activities/:activityId/enrolments/:enrolmentId`. */
export interface MarkingView {
  activity: {
    id: string;
    title: string;
    maxPoints: number;
    blindMarking: boolean;
    latePolicy: AssignmentLatePolicy;
    latePenaltyPercentPerDay: number;
    rubric: RubricView | null;
  };
  cohort: { id: string; name: string; timeZone: string };
  participant: MarkingParticipant;
  /** The latest submitted version; null when nothing was submitted. */
  submission: {
    status: 'draft' | 'submitted';
    number: number;
    /** Sanitised rich text (HTML). */
    text: string | null;
    submittedAt: string;
    lateSeconds: number;
    files: MarkingSubmissionFile[];
    /** Every submitted version, newest first. */
    versions: MarkingSubmissionVersion[];
  } | null;
  /** The penalty (percent) a mark saved now takes, from the latest version's lateness. */
  latePenaltyPercent: number;
  grade: GradeView | null;
  /** Newest first. */
  history: GradeChangeView[];
  /** Where this grade's feedback file downloads from (when it has one). */
  feedbackFileUrl: string;
}

/**
 * `PUT /api/marking/activities/:activityId/enrolments/:enrolmentId/grade`. With a rubric, send
 * `rubricMarks` (points are the sum of the chosen levels); without, `rawPoints`. `ready` needs a
 * complete mark. `expectedVersion` is the grade's version as read (null: no grade yet); anything
 * else answers 409.
 */
export interface SaveMarkRequest {
  rubricMarks?: RubricMarks;
  rawPoints?: number | null;
  feedback: string;
  status: Exclude<GradeStatus, 'released'>;
  expectedVersion: number | null;
}

/** `POST .../release` of one grade: the version read (the grade released is the one seen). */
export interface ReleaseGradeRequest {
  expectedVersion: number;
}

/** `POST /api/cohorts/:id/marking/release`: every `ready` grade of an assignment, or the grades named. */
export interface BulkReleaseRequest {
  activityId?: string;
  gradeIds?: string[];
}
export interface BulkReleaseResult {
  released: number;
  gradeIds: string[];
}
