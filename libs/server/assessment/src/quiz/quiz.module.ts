import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { GradingModule } from '../grading/grading.module';
import { Question } from './question.entity';
import { Quiz } from './quiz.entity';
import { QuizAttempt } from './quiz-attempt.entity';
import { QuestionBankService } from './question-bank.service';
import { QuizAccess } from './quiz-access';
import { QuizAttemptService } from './quiz-attempt.service';
import { QuizExpiryService } from './quiz-expiry.service';
import { QuizReviewService } from './quiz-review.service';
import { QuizSettingsService } from './quiz-settings.service';
import { QuizSubmissionService } from './quiz-submission.service';

export const QUIZ_ENTITIES: Type[] = [Question, Quiz, QuizAttempt];

/** What other modules may call: the bank, settings, attempts, their review and the clock's sweep. */
const SERVICES: Type[] = [QuestionBankService, QuizSettingsService, QuizAttemptService, QuizReviewService, QuizExpiryService];

/** Quizzes: question bank, quiz settings, attempts and their automatic grading. */
@Module({
  imports: [TypeOrmModule.forFeature(QUIZ_ENTITIES), GradingModule, CatalogModule, IdentityModule],
  providers: [...SERVICES, QuizAccess, QuizSubmissionService],
  exports: [TypeOrmModule, ...(SERVICES)],
})
export class QuizModule {}
