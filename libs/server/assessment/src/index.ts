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
export * from './quiz/question.entity';
export * from './quiz/quiz.entity';
export * from './quiz/quiz-attempt.entity';
export * from './quiz/quiz-grading';
export * from './quiz/quiz.errors';
export * from './quiz/question-bank.service';
export * from './quiz/quiz-settings.service';
export * from './quiz/quiz-attempt.service';
export * from './quiz/quiz-review.service';
export * from './quiz/quiz-expiry.service';
// assignment/
export * from './assignment/assignment.module';
export * from './assignment/late-policy';
export * from './assignment/assignment.entity';
export * from './assignment/submission.entity';
export * from './assignment/submission-version.entity';
export * from './assignment/submission-file.entity';
export * from './assignment/assignment.rules';
export * from './assignment/assignment.errors';
export * from './assignment/assignment.service';
// marking/
export * from './marking/marking.module';
export * from './marking/marking-participant.entity';
export * from './marking/marking.policy';
export * from './marking/marking.service';
export * from './marking/rubric-marks';
// gradebook/
export * from './gradebook/gradebook.module';
export * from './gradebook/course-total';
export * from './gradebook/course-standing';
export * from './gradebook/gradebook.queries';
export * from './gradebook/gradebook.service';
export * from './gradebook/gradebook-csv.service';
export * from './schedule/cohort-dates.service';
