export * from './programme.entity';
export * from './course.entity';
export * from './course-module.entity';
export * from './activity.entity';
export * from './catalog.module';
export * from './translations';
