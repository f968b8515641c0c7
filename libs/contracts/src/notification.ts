/**
 * Notifications: what a person may receive, how they want it, and the in-app list.
 * Account mail (invitation, password reset) is not listed: it is always sent at once.
 */
export const NOTIFICATION_KINDS = [
  'enrolment',
  'submission-receipt',
  'grade-released',
  'certificate-issued',
  'cohort-starting',
  'deadline-reminder',
  'inactivity-reminder',
  'marking-reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Account-security mail: cannot be turned off or delayed. */
export const SECURITY_KIND = 'account' as const;
export type MailKind = NotificationKind | typeof SECURITY_KIND;

export const DELIVERY_MODES = ['immediate', 'digest', 'off'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export type NotificationPreferences = Record<NotificationKind, DeliveryMode>;

export interface NotificationPreferencesView {
  preferences: NotificationPreferences;
  /** Kinds that are always sent at once (shown, not editable). */
  alwaysOn: (typeof SECURITY_KIND)[];
}

export type UpdateNotificationPreferencesRequest = Partial<NotificationPreferences>;

export interface NotificationView {
  id: string;
  kind: MailKind;
  /** Already in the reader's language. */
  title: string;
  body: string;
  /** Path inside the web app (starts with '/'), or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface UnreadCountView {
  unread: number;
}

export interface CalendarFeedView {
  /** Only returned when the feed is created or regenerated: the token is stored hashed. */
  url: string | null;
  active: boolean;
  createdAt: string | null;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

/** Every message Aula sends, one template each, in en, es and pt. */
export const MAIL_TEMPLATES = [
  'invitation',
  'password-reset',
  'enrolment-approved',
  'enrolment-waitlisted',
  'enrolment-promoted',
  'submission-receipt',
  'grade-released',
  'certificate-issued',
  'cohort-starting',
  'assignment-due',
  'quiz-closing',
  'work-overdue',
  'inactivity',
  'marking-waiting',
  'digest',
  'workshop-received',
  'workshop-confirmed',
  'workshop-declined',
  'workshop-waitlisted',
  'workshop-promoted',
  'workshop-withdrawn',
  'workshop-offer-expired',
  'workshop-cancelled',
  'workshop-agenda-changed',
  'workshop-starting',
] as const;
export type MailTemplateId = (typeof MAIL_TEMPLATES)[number];

/** One message to build (a job of the mail queue): who, why, about what, on which occasion. */
export interface MailRequest {
  userId: string;
  template: MailTemplateId;
  /** The object the message is about (invitation, enrolment, grade, activity, cohort...). */
  subjectId: string;
  /** What makes this message different from an earlier one about the same object. */
  occasion: string;
  /** Enrolment the message concerns, for reminders re-checked at send time. */
  enrolmentId?: string;
}
