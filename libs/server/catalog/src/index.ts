export * from './programme.entity';
export * from './course.entity';
export * from './course-module.entity';
export * from './activity.entity';
export * from './catalog.module';
/** CatalogService: authoring (admin) — programmes, courses, modules, activities, status, duplicate, reorder. */
export * from './catalog.service';
/** CatalogReader: read helpers for other domains (published course by slug, ordered outline, required activities). */
export * from './catalog.reader';
/** ActivityFileService: upload (content-checked), open for download (headers included), copy, discard. */
export * from './activity-file.service';
export * from './activity-file.inspector';
export * from './catalog.views';
export * from './catalog.errors';
export * from './rich-text.sanitiser';
/** Real small files (PDF, PNG, DOCX, ZIP, HTML, SVG) for upload tests in any domain. */
export * as catalogSampleFiles from './testing/sample-files';
