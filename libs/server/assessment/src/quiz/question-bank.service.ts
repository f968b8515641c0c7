import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  LOCALES,
  QUIZ_LIMITS,
  type QuestionAdminView,
  type QuestionDeleteResult,
  type QuestionInput,
  type QuestionUpdate,
  type Translations,
} from '@aula/contracts';
import { fieldError } from '@aula/server/core';
import { CatalogReader } from '@aula/server/catalog';
import { Question, type StoredOption } from './question.entity';

/** Text per language as stored: canonical Unicode, trimmed, line breaks kept; empty languages dropped. */
export function cleanQuizText(text: Translations | null | undefined): Translations {
  const clean: Translations = {};
  for (const locale of LOCALES) {
    const value = text?.[locale];
    if (typeof value !== 'string') continue;
    const tidy = value
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/[\p{Cc}\p{Cf}](?<!\n)/gu, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (tidy) clean[locale] = tidy;
  }
  return clean;
}

const hasText = (t: Translations) => Object.values(t).some((v) => !!v?.trim());

export function toQuestionView(q: Question): QuestionAdminView {
  return {
    id: q.id,
    courseId: q.courseId,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, feedback: o.feedback ?? {} })),
    correctBoolean: q.correctBoolean,
    acceptedAnswers: q.acceptedAnswers,
    caseSensitive: q.caseSensitive,
    accentSensitive: q.accentSensitive,
    numericAnswer: q.numericAnswer,
    tolerance: q.tolerance,
    points: q.points,
    feedback: q.feedback,
    archived: q.archived,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

/**
 * The question bank of a course (administrators). Kind-specific rules are checked here, after
 * the request's shape was checked at the edge: a choice question needs options and a right one, a
 * short answer at least one accepted answer, a numeric question its number.
 */
@Injectable()
export class QuestionBankService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogReader,
  ) {}

  async list(courseId: string, options: { includeArchived?: boolean } = {}): Promise<QuestionAdminView[]> {
    await this.assertCourse(this.dataSource.manager, courseId);
    const rows = await this.dataSource.getRepository(Question).find({
      where: options.includeArchived ? { courseId } : { courseId, archived: false },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toQuestionView);
  }

  async get(id: string): Promise<QuestionAdminView> {
    const q = await this.dataSource.getRepository(Question).findOneBy({ id });
    if (!q) throw new NotFoundException();
    return toQuestionView(q);
  }

  async create(courseId: string, input: QuestionInput): Promise<QuestionAdminView> {
    return this.dataSource.transaction(async (em) => {
      await this.assertCourse(em, courseId);
      const q = em.create(Question, { courseId, archived: false });
      apply(q, input);
      return toQuestionView(await em.save(Question, q));
    });
  }

  async update(id: string, input: QuestionUpdate): Promise<QuestionAdminView> {
    return this.dataSource.transaction(async (em) => {
      const q = await em.findOne(Question, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!q) throw new NotFoundException();
      apply(q, { ...toQuestionView(q), ...dropUndefined(input) });
      if (input.archived !== undefined) q.archived = input.archived;
      return toQuestionView(await em.save(Question, q));
    });
  }

  /** Deletes a question nobody used; one that an attempt or a quiz refers to is archived instead. */
  async remove(id: string): Promise<QuestionDeleteResult> {
    return this.dataSource.transaction(async (em) => {
      const q = await em.findOne(Question, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!q) throw new NotFoundException();
      const ref = JSON.stringify([{ id }]);
      const [used] = (await em.query(
        `SELECT EXISTS (SELECT 1 FROM quiz_attempts WHERE questions @> $1::jsonb)
             OR EXISTS (SELECT 1 FROM quizzes WHERE question_ids @> $2::jsonb) AS used`,
        [ref, JSON.stringify([id])],
      )) as { used: boolean }[];
      if (used.used) {
        q.archived = true;
        await em.save(Question, q);
        return { deleted: false, archived: true };
      }
      await em.delete(Question, { id });
      return { deleted: true, archived: false };
    });
  }

  private async assertCourse(em: EntityManager, courseId: string): Promise<void> {
    if (!(await this.catalog.findCourse(courseId, em))) throw new NotFoundException();
  }
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Writes a full question input into the entity, checking the rules of its kind. */
function apply(q: Question, input: QuestionInput): void {
  const prompt = cleanQuizText(input.prompt);
  if (!hasText(prompt)) throw fieldError('prompt', 'must have text in at least one language');
  q.kind = input.kind;
  q.prompt = prompt;
  q.feedback = cleanQuizText(input.feedback);
  q.points = input.points ?? q.points ?? 1;
  if (!(q.points > 0)) throw fieldError('points', 'must be greater than 0');
  q.options = [];
  q.correctBoolean = null;
  q.acceptedAnswers = [];
  q.caseSensitive = input.caseSensitive ?? false;
  q.accentSensitive = input.accentSensitive ?? false;
  q.numericAnswer = null;
  q.tolerance = 0;

  switch (input.kind) {
    case 'single':
    case 'multiple': {
      const options = input.options ?? [];
      if (options.length < 2) throw fieldError('options', 'needs at least two options');
      const ids = new Set<string>();
      q.options = options.map((o, i): StoredOption => {
        const text = cleanQuizText(o.text);
        if (!hasText(text)) throw fieldError(`options.${i}.text`, 'must have text in at least one language');
        const id = o.id ?? randomUUID();
        if (ids.has(id)) throw fieldError(`options.${i}.id`, 'is used by another option');
        ids.add(id);
        return { id, text, correct: o.correct, feedback: cleanQuizText(o.feedback) };
      });
      const right = q.options.filter((o) => o.correct).length;
      if (input.kind === 'single' && right !== 1) throw fieldError('options', 'must have exactly one correct option');
      if (input.kind === 'multiple' && right < 1) throw fieldError('options', 'must have at least one correct option');
      break;
    }
    case 'true_false':
      if (typeof input.correctBoolean !== 'boolean') throw fieldError('correctBoolean', 'must be true or false');
      q.correctBoolean = input.correctBoolean;
      break;
    case 'short_answer': {
      const accepted = [
        ...new Set((input.acceptedAnswers ?? []).map((a) => a.normalize('NFC').replace(/\s+/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '').trim())),
      ]
        .filter((a) => a.length > 0);
      if (accepted.length === 0) throw fieldError('acceptedAnswers', 'needs at least one accepted answer');
      if (accepted.length > QUIZ_LIMITS.acceptedAnswers) throw fieldError('acceptedAnswers', `at most ${QUIZ_LIMITS.acceptedAnswers}`);
      q.acceptedAnswers = accepted;
      break;
    }
    case 'numeric':
      if (typeof input.numericAnswer !== 'number' || !Number.isFinite(input.numericAnswer)) {
        throw fieldError('numericAnswer', 'must be a number');
      }
      q.numericAnswer = input.numericAnswer;
      q.tolerance = input.tolerance ?? 0;
      if (!(q.tolerance >= 0)) throw fieldError('tolerance', 'must not be negative');
      break;
  }
}
