import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { GradingModule } from '../grading/grading.module';

export const QUIZ_ENTITIES: Type[] = [];

const SERVICES: Type[] = [];

/** Quizzes: question bank, quiz settings, attempts and their automatic grading. */
@Module({
  imports: [TypeOrmModule.forFeature(QUIZ_ENTITIES), GradingModule, CatalogModule, IdentityModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...(SERVICES)],
})
export class QuizModule {}
