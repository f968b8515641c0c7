import { Module } from '@nestjs/common';
import { AssessmentModule } from '@aula/server/assessment';

/** HTTP for quiz: controllers only; rules live in `libs/server/assessment/src/quiz/`. */
@Module({
  imports: [AssessmentModule],
  controllers: [],
})
export class QuizApiModule {}
