import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { MailRequest } from '@aula/contracts';
import { CoreModule } from '@aula/server/core';
import { DatabaseModule } from '@aula/server/database';
import { InvitationService } from '@aula/server/identity';
import {
  MailContentLoader,
  PasswordResetService,
  ReminderFinder,
  WorkshopMailLoader,
  formatDateTime,
  type Recipient,
  type ReminderCandidate,
} from '@aula/server/notification';
import { setDates, traineeWithWork, type Fixture } from '@aula/server/notification/testing';

/**
 * Reminders and their mails read a trainee's dates from assessment's read models: an extension
 * moves them, and one that outlives its cohort's dates still tells the mail its own. Only
 * PostgreSQL: no queue, no relay, so this file runs beside the others.
 */
@Module({
  imports: [CoreModule, DatabaseModule],
  providers: [
    ReminderFinder,
    MailContentLoader,
    WorkshopMailLoader,
    { provide: InvitationService, useValue: {} },
    { provide: PasswordResetService, useValue: {} },
  ],
})
class DeadlineExtensionsTestModule {}

const HOUR = 3600_000;
const OFFSETS = [72, 24];
const to: Recipient = { id: '', email: '', displayName: 'Ana', locale: 'en', timeZone: 'UTC', active: true };

describe('reminders: a trainee\'s extension', () => {
  let app: INestApplicationContext;
  let ds: DataSource;
  let finder: ReminderFinder;
  let content: MailContentLoader;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(DeadlineExtensionsTestModule, { logger: false });
    await app.init();
    ds = app.get(DataSource);
    finder = app.get(ReminderFinder);
    content = app.get(MailContentLoader);
  });

  afterAll(async () => {
    await app?.close();
  });

  const now = () => new Date(Math.floor(Date.now() / 1000) * 1000);
  const hoursFrom = (t: Date, h: number) => new Date(t.getTime() + h * HOUR);
  const extend = (f: Fixture, activityId: string, dates: { dueAt?: Date; closesAt?: Date }) =>
    ds.query(`INSERT INTO deadline_extensions (activity_id, enrolment_id, due_at, closes_at) VALUES ($1, $2, $3, $4)`, [
      activityId,
      f.enrolmentId,
      dates.dueAt ?? null,
      dates.closesAt ?? null,
    ]);
  /** The deadline reminders found for this fixture's enrolment (the database is shared with other files). */
  const foundFor = (found: ReminderCandidate[], f: Fixture) =>
    found.filter((c) => c.enrolmentId === f.enrolmentId && ['assignment-due', 'quiz-closing', 'work-overdue'].includes(c.template));
  const request = (f: Fixture, template: MailRequest['template'], subjectId: string): MailRequest => ({
    userId: f.userId,
    template,
    subjectId,
    enrolmentId: f.enrolmentId,
    occasion: 'test',
  });
  const when = (d: Date) => formatDateTime(d, to.locale, to.timeZone);

  it('reminds at the extended due time, not the cohort\'s, and the mail gives the extended one', async () => {
    const t = now();
    const f = await traineeWithWork(ds);
    await setDates(ds, f, f.assignmentId, { dueAt: hoursFrom(t, 200), closesAt: hoursFrom(t, 300) });
    await extend(f, f.assignmentId, { dueAt: hoursFrom(t, 220) });
    const other = await traineeWithWork(ds);
    await setDates(ds, other, other.assignmentId, { dueAt: hoursFrom(t, 20) });
    await extend(other, other.assignmentId, { dueAt: hoursFrom(t, 100) });

    expect(foundFor(await finder.find(t, OFFSETS), f)).toEqual([]);
    expect(foundFor(await finder.find(t, OFFSETS), other)).toEqual([]);
    const later = hoursFrom(t, 200);
    expect(foundFor(await finder.find(later, OFFSETS), f).map((c) => c.occasion)).toEqual([
      `${f.enrolmentId}:24h@${hoursFrom(t, 220).toISOString()}`,
    ]);

    const mail = await content.prepare(request(f, 'assignment-due', f.assignmentId), to, 'https://aula.test');
    // Only the due time was extended: the cut-off stays the cohort's.
    expect(mail?.params).toMatchObject({ due: when(hoursFrom(t, 220)), closes: when(hoursFrom(t, 300)) });
  });

  it('a quiz closing later for one trainee is announced at that trainee\'s close time', async () => {
    const t = now();
    const f = await traineeWithWork(ds);
    await setDates(ds, f, f.quizId, { closesAt: hoursFrom(t, 5) });
    await extend(f, f.quizId, { closesAt: hoursFrom(t, 50) });

    expect(foundFor(await finder.find(t, OFFSETS), f)).toEqual([]);
    const closing = foundFor(await finder.find(hoursFrom(t, 40), OFFSETS), f);
    expect(closing.map((c) => c.occasion)).toEqual([`${f.enrolmentId}:closing@${hoursFrom(t, 50).toISOString()}`]);
  });

  it('an extension whose cohort has no dates for the work is not chased, yet its mail still shows its own dates', async () => {
    const t = now();
    const f = await traineeWithWork(ds);
    await extend(f, f.assignmentId, { dueAt: hoursFrom(t, 10), closesAt: hoursFrom(t, 30) });

    expect(foundFor(await finder.find(t, OFFSETS), f)).toEqual([]);
    const mail = await content.prepare(request(f, 'assignment-due', f.assignmentId), to, 'https://aula.test');
    expect(mail?.params).toMatchObject({ due: when(hoursFrom(t, 10)), closes: when(hoursFrom(t, 30)) });
    // Without a cohort date or an extension, the mail has no dates to give.
    const bare = await traineeWithWork(ds);
    expect((await content.prepare(request(bare, 'assignment-due', bare.assignmentId), to, 'https://aula.test'))?.params).toMatchObject({
      due: '',
      closes: '',
    });
  });
});
