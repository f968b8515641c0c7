import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CATALOG_ENTITIES, Course } from '@aula/server/catalog';
import { AppConfig, CoreModule } from '@aula/server/core';
import { DatabaseModule } from '@aula/server/database';
import { ReminderFinder, type ReminderCandidate } from '@aula/server/notification';
import { setDates, traineeWithWork, type Fixture } from '@aula/server/notification/testing';

/**
 * Assignment reminders per course: a course's own offsets, else the platform's
 * (REMINDER_OFFSETS_HOURS, what the scheduler passes). The finder only reads PostgreSQL: no queue,
 * no relay, so this file runs beside the others.
 */
@Module({
  imports: [CoreModule, DatabaseModule, TypeOrmModule.forFeature(CATALOG_ENTITIES)],
  providers: [ReminderFinder],
})
class ReminderOffsetsTestModule {}

const HOUR = 3600_000;

describe('assignment reminders: offsets per course', () => {
  let app: INestApplicationContext;
  let ds: DataSource;
  let finder: ReminderFinder;
  let platformOffsets: number[];

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(ReminderOffsetsTestModule, { logger: false });
    await app.init();
    ds = app.get(DataSource);
    finder = app.get(ReminderFinder);
    platformOffsets = app.get(AppConfig).reminderOffsetsHours;
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A trainee with an assignment due `hoursAhead` from `now`, in a course with `offsets` (null: the default). */
  async function dueIn(now: Date, hoursAhead: number, offsets: number[] | null): Promise<Fixture> {
    const f = await traineeWithWork(ds);
    await ds.getRepository(Course).update(f.courseId, { reminderOffsetsHours: offsets });
    await setDates(ds, f, f.assignmentId, { dueAt: new Date(now.getTime() + hoursAhead * HOUR) });
    return f;
  }

  /** The assignment reminders found for this fixture's enrolment (the database is shared with other files). */
  const dueFor = (found: ReminderCandidate[], f: Fixture) =>
    found.filter((c) => c.template === 'assignment-due' && c.enrolmentId === f.enrolmentId);

  const occasion = (f: Fixture, offset: number, now: Date, hoursAhead: number) =>
    `${f.enrolmentId}:${offset}h@${new Date(now.getTime() + hoursAhead * HOUR).toISOString()}`;

  it('the platform default is 72 h and 24 h', () => {
    expect(platformOffsets).toEqual([72, 24]);
  });

  it('a course with offsets [48] is reminded 47 h before the deadline, and not 70 h before', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const at47 = await dueIn(now, 47, [48]);
    const at70 = await dueIn(now, 70, [48]);
    const found = await finder.find(now, platformOffsets);

    expect(dueFor(found, at47)).toEqual([
      expect.objectContaining({ userId: at47.userId, subjectId: at47.assignmentId, occasion: occasion(at47, 48, now, 47) }),
    ]);
    expect(dueFor(found, at70)).toEqual([]);
  });

  it('a course without offsets still gets 72 h and 24 h, beside a course with its own', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const at70 = await dueIn(now, 70, null);
    const at20 = await dueIn(now, 20, null);
    const at80 = await dueIn(now, 80, null);
    const own = await dueIn(now, 70, [96]);
    const found = await finder.find(now, platformOffsets);

    expect(dueFor(found, at70).map((c) => c.occasion)).toEqual([occasion(at70, 72, now, 70)]);
    expect(dueFor(found, at20).map((c) => c.occasion)).toEqual([occasion(at20, 24, now, 20)]);
    expect(dueFor(found, at80)).toEqual([]);
    // A course's largest offset may reach past the platform's: its window is its own.
    expect(dueFor(found, own).map((c) => c.occasion)).toEqual([occasion(own, 96, now, 70)]);
  });

  it('sends the closest offset only: a deadline set 10 hours ahead gets one reminder, not two', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const ownOffsets = await dueIn(now, 10, [48, 12]);
    const defaults = await dueIn(now, 10, null);
    const found = await finder.find(now, platformOffsets);

    expect(dueFor(found, ownOffsets).map((c) => c.occasion)).toEqual([occasion(ownOffsets, 12, now, 10)]);
    expect(dueFor(found, defaults).map((c) => c.occasion)).toEqual([occasion(defaults, 24, now, 10)]);
  });

  it('a course that changes its offsets between runs gets the reminder of the new closest one', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const f = await dueIn(now, 30, null);
    expect(dueFor(await finder.find(now, platformOffsets), f).map((c) => c.occasion)).toEqual([occasion(f, 72, now, 30)]);

    await ds.getRepository(Course).update(f.courseId, { reminderOffsetsHours: [36, 6] });
    expect(dueFor(await finder.find(now, platformOffsets), f).map((c) => c.occasion)).toEqual([occasion(f, 36, now, 30)]);
    const later = new Date(now.getTime() + 25 * HOUR);
    expect(dueFor(await finder.find(later, platformOffsets), f).map((c) => c.occasion)).toEqual([occasion(f, 6, now, 30)]);
  });

  it('asks PostgreSQL the same number of questions however many courses set their own offsets', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const count = async () => {
      const spy = jest.spyOn(ds, 'query');
      try {
        await finder.find(now, platformOffsets);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const before = await count();
    for (const offsets of [[5], [7, 3], [11, 9, 2], null]) await dueIn(now, 4, offsets);
    expect(await count()).toBe(before);
  });
});
