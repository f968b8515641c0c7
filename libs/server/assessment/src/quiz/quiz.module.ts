import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { GradingModule } from '../grading/grading.module';
import { Question } from './question.entity';
import { Quiz } from './quiz.entity';
import { QuizAttempt } from './quiz-attempt.entity';
import { QuestionBankService } from './question-bank.service';
import { QuizService } from './quiz.service';

export const QUIZ_ENTITIES: Type[] = [Question, Quiz, QuizAttempt];

const SERVICES: Type[] = [QuestionBankService, QuizService];

/** Quizzes: question bank, quiz settings, attempts and their automatic grading. */
@Module({
  imports: [TypeOrmModule.forFeature(QUIZ_ENTITIES), GradingModule, CatalogModule, IdentityModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...(SERVICES)],
})
export class QuizModule {}
