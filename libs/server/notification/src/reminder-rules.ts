/** When reminders are due: shared by the finder (what to queue) and the content loader (still due at send time?). */

/** When an enrolment last showed life: its last activity, else its start (enrolment or cohort start, the later). */
export const LAST_SEEN_SQL = `COALESCE(e.last_activity_at, GREATEST(e.created_at, (c.start_date::timestamp AT TIME ZONE c.time_zone)))`;

export const INACTIVITY_DAYS = 7;
export const MARKING_WAIT_HOURS = 48;
export const QUIZ_CLOSING_HOURS = 24;
