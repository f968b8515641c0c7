import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, CoreModule, loggerParams } from '@aula/server/core';
import { DatabaseModule } from '@aula/server/database';
import { IdentityModule } from '@aula/server/identity';
import { CatalogModule } from '@aula/server/catalog';
import { EnrolmentModule } from '@aula/server/enrolment';
import { OutboxModule } from '@aula/server/outbox';
import { AssessmentModule } from '@aula/server/assessment';
import { StorageModule } from '@aula/server/storage';
import { DirectoryModule } from '@aula/server/directory';
import { WorkshopsModule } from '@aula/server/workshops';
import { AuthGuard } from './auth/auth.guard';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { validationPipe } from './common/validation';
import { HealthModule } from './health/health.module';
import { PlatformController } from './platform/platform.controller';
import { AuthController } from './identity/auth.controller';
import { MeController } from './identity/me.controller';
import { AdminUsersController } from './identity/admin-users.controller';
import { CatalogApiModule } from './catalog/catalog-api.module';
import { EnrolmentApiModule } from './enrolment/enrolment-api.module';
import { LearningApiModule } from './learning/learning-api.module';
import { InvitationController } from './identity/invitation.controller';
import { AccountDirectory } from './identity/account-directory';
import { QuizApiModule } from './assessment/quiz-api.module';
import { AssignmentApiModule } from './assessment/assignment-api.module';
import { MarkingApiModule } from './assessment/marking-api.module';
import { GradebookApiModule } from './assessment/gradebook-api.module';
import { NotificationApiModule } from './notification/notification-api.module';
import { CertificationApiModule } from './certification/certification-api.module';
import { DirectoryApiModule } from './directory/directory-api.module';
import { WorkshopsApiModule } from './workshops/workshops-api.module';

@Module({
  imports: [
    CoreModule,
    HealthModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => loggerParams(config, 'aula-api') }),
    DatabaseModule,
    OutboxModule,
    StorageModule,
    IdentityModule,
    CatalogModule,
    CatalogApiModule,
    EnrolmentModule,
    EnrolmentApiModule,
    LearningApiModule,
    AssessmentModule,
    QuizApiModule,
    AssignmentApiModule,
    MarkingApiModule,
    GradebookApiModule,
    NotificationApiModule,
    CertificationApiModule,
    DirectoryModule,
    DirectoryApiModule,
    WorkshopsModule,
    WorkshopsApiModule,
  ],
  controllers: [PlatformController, AuthController, MeController, AdminUsersController, InvitationController],
  providers: [
    AccountDirectory,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_PIPE, useFactory: validationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class AppModule {}
