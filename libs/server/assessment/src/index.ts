export * from './assessment.module';
export * from './grading/grading.module';
export * from './grading/decimal';
export * from './grading/grade-item.entity';
export * from './grading/course-grading.entity';
export * from './grading/grade.entity';
export * from './grading/grade-change.entity';
export * from './grading/grade.service';
export * from './grading/grading.errors';
export * from './schedule/activity-schedule.entity';
export * from './schedule/deadline-extension.entity';
export * from './schedule/schedule.service';
// quiz/
export * from './quiz/quiz.module';
// assignment/
export * from './assignment/assignment.module';
export * from './assignment/late-policy';
// marking/
export * from './marking/marking.module';
// gradebook/
export * from './gradebook/gradebook.module';
