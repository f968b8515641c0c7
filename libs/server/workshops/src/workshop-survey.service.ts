import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Locale,
  type WorkshopStatus,
  type WorkshopSurveyInput,
  type WorkshopSurveyPublicView,
  type WorkshopSurveyQuestion,
  type WorkshopSurveyResponseInput,
  type WorkshopSurveyResponseView,
  type WorkshopSurveyResults,
  type WorkshopSurveyView,
} from '@aula/contracts';
import { pickText } from '@aula/server/core';
import type { Actor } from '@aula/server/identity';
import { Workshop } from './workshop.entity';
import { WorkshopSurvey, WorkshopSurveyRespondent, WorkshopSurveyResponse } from './workshop-survey.entity';
import { WorkshopPolicy } from './workshop.policy';
import { fieldsError } from './workshop-input';
import { aggregateSurvey, checkAnswers, checkSurveyQuestions, DEFAULT_SURVEY_QUESTIONS } from './workshop-survey.rules';
import { WorkshopNotFoundError } from './workshops.errors';
import { SurveyAlreadyAnsweredError, SurveyHasAnswersError, SurveyNotOpenError } from './workshop-outcomes.errors';

/** States in which confirmed participants answer the feedback survey. */
export const SURVEY_OPEN_STATUSES: readonly WorkshopStatus[] = ['held', 'report-published'];

const toResponseView = (r: WorkshopSurveyResponse): WorkshopSurveyResponseView => ({
  id: r.id,
  anonymous: r.anonymous,
  answers: r.answers,
  createdAt: new Date(`${r.submittedOn}T00:00:00Z`).toISOString(),
});

/**
 * The feedback survey after the workshop: the organiser's questions (or the default ones),
 * answered once by each confirmed participant, optionally anonymously (the answer then carries no
 * user id; who answered is kept apart, in workshop_survey_respondents), and the results.
 */
@Injectable()
export class WorkshopSurveyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
  ) {}

  async questionsOf(workshopId: string, em: EntityManager = this.dataSource.manager): Promise<{ questions: WorkshopSurveyQuestion[]; isDefault: boolean }> {
    const survey = await em.findOne(WorkshopSurvey, { where: { workshopId } });
    return survey && survey.questions.length > 0
      ? { questions: survey.questions, isDefault: false }
      : { questions: [...DEFAULT_SURVEY_QUESTIONS], isDefault: true };
  }

  async forOrganiser(actor: Actor, workshopId: string): Promise<WorkshopSurveyView> {
    await this.policy.assertOrganiser(actor, workshopId);
    const { questions, isDefault } = await this.questionsOf(workshopId);
    const responses = await this.dataSource.manager.count(WorkshopSurveyRespondent, { where: { workshopId } });
    return { workshopId, isDefault, questions, responses };
  }

  /** Replaces the questions; an empty list brings back the default survey. 409 once answers exist. */
  async save(actor: Actor, workshopId: string, input: WorkshopSurveyInput): Promise<WorkshopSurveyView> {
    await this.policy.assertOrganiser(actor, workshopId);
    const { questions, problems } = checkSurveyQuestions(input.questions ?? []);
    if (problems.length) throw fieldsError(problems);
    return this.dataSource.transaction(async (em) => {
      await em.findOne(Workshop, { where: { id: workshopId }, lock: { mode: 'pessimistic_write' } });
      const responses = await em.count(WorkshopSurveyRespondent, { where: { workshopId } });
      if (responses > 0) throw new SurveyHasAnswersError(responses);
      if (questions.length === 0) await em.delete(WorkshopSurvey, { workshopId });
      else await em.save(WorkshopSurvey, em.create(WorkshopSurvey, { workshopId, questions }));
      return { workshopId, isDefault: questions.length === 0, questions: questions.length ? questions : [...DEFAULT_SURVEY_QUESTIONS], responses: 0 };
    });
  }

  /** The survey in the reader's language, for confirmed participants and organisers (404 otherwise). */
  async forParticipant(actor: Actor, slug: string, locale: Locale | null): Promise<WorkshopSurveyPublicView> {
    const w = await this.insider(actor, slug);
    const { questions } = await this.questionsOf(w.id);
    const respondent = await this.dataSource.manager.findOne(WorkshopSurveyRespondent, { where: { workshopId: w.id, userId: actor.id } });
    const mine = respondent && !respondent.anonymous ? await this.dataSource.manager.findOne(WorkshopSurveyResponse, { where: { workshopId: w.id, userId: actor.id } }) : null;
    return {
      workshopId: w.id,
      open: SURVEY_OPEN_STATUSES.includes(w.status),
      canAnswer: await this.isConfirmed(actor, w.id),
      questions: questions.map((q) => ({ id: q.id, kind: q.kind, required: q.required, prompt: pickText(q.prompt, locale, w.defaultLocale).text })),
      answered: !!respondent,
      myResponse: mine ? toResponseView(mine) : null,
    };
  }

  /**
   * One answer per confirmed participant, once the workshop is held (409 before, and 409 with the
   * first answer for a second one). Organisers who are not participants get a 404: they do not answer.
   */
  async answer(actor: Actor, slug: string, input: WorkshopSurveyResponseInput): Promise<WorkshopSurveyResponseView> {
    const w = await this.dataSource.manager.findOne(Workshop, { where: { slug } });
    if (!w || !(await this.isConfirmed(actor, w.id))) throw new WorkshopNotFoundError();
    if (!SURVEY_OPEN_STATUSES.includes(w.status)) throw new SurveyNotOpenError(w.status);
    const { questions } = await this.questionsOf(w.id);
    const { answers, problems } = checkAnswers(questions, input.answers ?? []);
    if (problems.length) throw fieldsError(problems);
    const anonymous = input.anonymous === true;
    return this.dataSource.transaction(async (em) => {
      // The respondents row is the one-per-person guard, anonymous or not.
      const inserted = (await em.query(
        `INSERT INTO workshop_survey_respondents (workshop_id, user_id, anonymous) VALUES ($1, $2, $3)
         ON CONFLICT (workshop_id, user_id) DO NOTHING RETURNING user_id`,
        [w.id, actor.id, anonymous],
      )) as unknown[];
      if (inserted.length === 0) {
        const first = await em.findOne(WorkshopSurveyResponse, { where: { workshopId: w.id, userId: actor.id } });
        throw new SurveyAlreadyAnsweredError(first ? toResponseView(first) : null);
      }
      const saved = await em.save(
        WorkshopSurveyResponse,
        em.create(WorkshopSurveyResponse, { workshopId: w.id, userId: anonymous ? null : actor.id, anonymous, answers }),
      );
      const row = await em.findOneOrFail(WorkshopSurveyResponse, { where: { id: saved.id } });
      return toResponseView(row);
    });
  }

  /** Per rating question the distribution 1–5 and the mean; free-text answers listed. Organisers only. */
  async results(actor: Actor, workshopId: string): Promise<WorkshopSurveyResults> {
    await this.policy.assertOrganiser(actor, workshopId);
    const { questions } = await this.questionsOf(workshopId);
    const responses = await this.dataSource.manager.find(WorkshopSurveyResponse, {
      where: { workshopId },
      select: { id: true, answers: true, anonymous: true },
      order: { submittedOn: 'ASC', id: 'ASC' },
    });
    return {
      workshopId,
      responses: responses.length,
      anonymous: responses.filter((r) => r.anonymous).length,
      questions: aggregateSurvey(questions, responses),
    };
  }

  private async insider(actor: Actor, slug: string): Promise<Workshop> {
    const w = await this.dataSource.manager.findOne(Workshop, { where: { slug } });
    if (!w || !(await this.policy.isInsider(actor, w.id))) throw new WorkshopNotFoundError();
    return w;
  }

  private async isConfirmed(actor: Actor, workshopId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM workshop_registrations WHERE workshop_id = $1 AND user_id = $2 AND status = 'confirmed'`,
      [workshopId, actor.id],
    )) as unknown[];
    return rows.length > 0;
  }
}
