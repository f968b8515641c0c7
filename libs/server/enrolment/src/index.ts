export * from './cohort.entity';
export * from './enrolment.entity';
export * from './activity-completion.entity';
export * from './enrolment.module';
