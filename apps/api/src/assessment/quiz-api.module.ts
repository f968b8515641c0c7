import { Module } from '@nestjs/common';
import { AssessmentModule } from '@aula/server/assessment';
import { QuizAdminController } from './quiz-admin.controller';
import { QuizController } from './quiz.controller';

/** HTTP for quiz: controllers only; rules live in `libs/server/assessment/src/quiz/`. */
@Module({
  imports: [AssessmentModule],
  controllers: [QuizAdminController, QuizController],
})
export class QuizApiModule {}
