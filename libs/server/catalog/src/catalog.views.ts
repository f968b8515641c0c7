import type {
  ActivityAdminView,
  CourseAdminView,
  ModuleAdminView,
  ProgrammeView,
  StoredFileView,
} from '@aula/contracts';
import type { Activity } from './activity.entity';
import type { CourseModule } from './course-module.entity';
import type { Course } from './course.entity';
import type { Programme } from './programme.entity';

/** A module with its activities, both in learning order. */
export type OutlineModule = CourseModule & { activities: Activity[] };

export function toProgrammeView(p: Programme): ProgrammeView {
  return {
    id: p.id,
    slug: p.slug,
    defaultLocale: p.defaultLocale,
    title: p.title,
    description: p.description,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toStoredFileView(a: Activity): StoredFileView | null {
  if (!a.fileKey || !a.fileName || !a.fileContentType || a.fileSize === null) return null;
  return { name: a.fileName, contentType: a.fileContentType, size: a.fileSize };
}

export function toActivityAdminView(a: Activity): ActivityAdminView {
  return {
    id: a.id,
    moduleId: a.moduleId,
    position: a.position,
    kind: a.kind,
    title: a.title,
    body: a.body,
    url: a.url,
    file: toStoredFileView(a),
    required: a.required,
  };
}

export function toModuleAdminView(m: CourseModule, activities: Activity[]): ModuleAdminView {
  return { id: m.id, position: m.position, title: m.title, activities: activities.map(toActivityAdminView) };
}

/** `modules` empty unless given (lists leave them out). */
export function toCourseAdminView(c: Course, modules: OutlineModule[] = []): CourseAdminView {
  return {
    id: c.id,
    programmeId: c.programmeId,
    slug: c.slug,
    status: c.status,
    defaultLocale: c.defaultLocale,
    title: c.title,
    summary: c.summary,
    description: c.description,
    topics: c.topics,
    locales: c.locales,
    estimatedHours: c.estimatedHours,
    reminderOffsetsHours: c.reminderOffsetsHours,
    modules: modules.map((m) => toModuleAdminView(m, m.activities)),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
