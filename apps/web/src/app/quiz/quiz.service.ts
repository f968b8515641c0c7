import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Locale,
  QuestionAdminView,
  QuestionDeleteResult,
  QuestionInput,
  QuestionUpdate,
  QuizAnswers,
  QuizAttemptView,
  QuizReview,
  QuizSettingsInput,
  QuizSettingsView,
} from '@aula/contracts';
import { quizApi, routeUrl } from '@aula/contracts';
import { firstValueFrom } from 'rxjs';

const localeParams = (locale: Locale | null | undefined): Record<string, string> => (locale ? { locale } : {});

/** Taking quizzes (trainees) and building them (administrators). Reading is `httpResource` in the screens. */
@Injectable({ providedIn: 'root' })
export class QuizService {
  private readonly http = inject(HttpClient);

  start(activityId: string, locale?: Locale | null): Promise<QuizAttemptView> {
    return firstValueFrom(
      this.http.post<QuizAttemptView>(routeUrl(quizApi.start, { activityId }), null, { params: localeParams(locale) }),
    );
  }

  attempt(attemptId: string, locale?: Locale | null): Promise<QuizAttemptView> {
    return firstValueFrom(this.http.get<QuizAttemptView>(routeUrl(quizApi.attempt, { id: attemptId }), { params: localeParams(locale) }));
  }

  saveAnswers(attemptId: string, answers: QuizAnswers): Promise<QuizAttemptView> {
    return firstValueFrom(this.http.put<QuizAttemptView>(routeUrl(quizApi.saveAnswers, { id: attemptId }), { answers }));
  }

  submit(attemptId: string, locale?: Locale | null): Promise<QuizAttemptView> {
    return firstValueFrom(
      this.http.post<QuizAttemptView>(routeUrl(quizApi.submit, { id: attemptId }), null, { params: localeParams(locale) }),
    );
  }

  review(attemptId: string, locale?: Locale | null): Promise<QuizReview> {
    return firstValueFrom(this.http.get<QuizReview>(routeUrl(quizApi.review, { id: attemptId }), { params: localeParams(locale) }));
  }

  // ---- administrators ----

  saveSettings(activityId: string, input: QuizSettingsInput): Promise<QuizSettingsView> {
    return firstValueFrom(this.http.put<QuizSettingsView>(routeUrl(quizApi.saveSettings, { id: activityId }), input));
  }

  createQuestion(courseId: string, input: QuestionInput): Promise<QuestionAdminView> {
    return firstValueFrom(this.http.post<QuestionAdminView>(routeUrl(quizApi.createQuestion, { courseId }), input));
  }

  updateQuestion(questionId: string, input: QuestionUpdate): Promise<QuestionAdminView> {
    return firstValueFrom(this.http.patch<QuestionAdminView>(routeUrl(quizApi.updateQuestion, { id: questionId }), input));
  }

  removeQuestion(questionId: string): Promise<QuestionDeleteResult> {
    return firstValueFrom(this.http.delete<QuestionDeleteResult>(routeUrl(quizApi.deleteQuestion, { id: questionId })));
  }
}

/** Milliseconds left until `deadline`, on the server's clock (`offsetMs` = server − device). */
export function remainingMs(deadline: string | null, nowMs: number, offsetMs: number): number | null {
  if (!deadline) return null;
  return Math.max(0, new Date(deadline).getTime() - (nowMs + offsetMs));
}

/** "1:05:09", "4:07": a countdown that reads well in every language. */
export function clock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
