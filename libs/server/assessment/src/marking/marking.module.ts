import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@aula/server/catalog';
import { IdentityModule } from '@aula/server/identity';
import { AssignmentModule } from '../assignment/assignment.module';
import { GradingModule } from '../grading/grading.module';
import { MarkingParticipant } from './marking-participant.entity';
import { MarkingPolicy } from './marking.policy';
import { MarkingService } from './marking.service';
import { MarkingQueueService } from './marking-queue.service';

export const MARKING_ENTITIES: Type[] = [MarkingParticipant];

const SERVICES: Type[] = [MarkingPolicy, MarkingQueueService, MarkingService];

/** Marking: the tutors' grading queue, marks with rubrics and feedback, blind marking, release. */
@Module({
  imports: [TypeOrmModule.forFeature(MARKING_ENTITIES), GradingModule, AssignmentModule, CatalogModule, IdentityModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...(SERVICES)],
})
export class MarkingModule {}
