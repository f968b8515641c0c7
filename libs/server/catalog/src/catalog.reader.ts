import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Activity } from './activity.entity';
import { CourseModule } from './course-module.entity';
import { Course } from './course.entity';
import { Programme } from './programme.entity';
import type { OutlineModule } from './catalog.views';

/**
 * Read-only access to the catalogue for other domains (enrolment, progress, the learner's course
 * page): no access checks here, the caller decides who may see what. Every method takes an
 * optional EntityManager so it can run inside the caller's transaction.
 */
@Injectable()
export class CatalogReader {
  constructor(@InjectRepository(Course) private readonly courses: Repository<Course>) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.courses.manager;
  }

  /** A course by id, whatever its status; null when absent. */
  findCourse(id: string, em?: EntityManager): Promise<Course | null> {
    return this.em(em).findOne(Course, { where: { id } });
  }

  /** A course by id with its programme loaded, whatever its status; null when absent. */
  findCourseWithProgramme(id: string, em?: EntityManager): Promise<Course | null> {
    return this.em(em).findOne(Course, { where: { id }, relations: { programme: true } });
  }

  /** A programme by id; null when absent. */
  findProgramme(id: string, em?: EntityManager): Promise<Programme | null> {
    return this.em(em).findOne(Programme, { where: { id } });
  }

  /** Ids of the courses of a programme. */
  async courseIdsOfProgramme(programmeId: string, em?: EntityManager): Promise<string[]> {
    const rows = await this.em(em).find(Course, { select: { id: true }, where: { programmeId } });
    return rows.map((r) => r.id);
  }

  /** The published course with this slug (with its programme loaded); null for drafts, archived and unknown slugs. */
  findPublishedCourseBySlug(slug: string, em?: EntityManager): Promise<Course | null> {
    return this.em(em).findOne(Course, {
      where: { slug, status: 'published' },
      relations: { programme: true },
    });
  }

  /**
   * Modules of a course with their activities, both in learning order (position, then creation).
   * Empty for an unknown course.
   */
  async loadCourseOutline(courseId: string, em?: EntityManager): Promise<OutlineModule[]> {
    const manager = this.em(em);
    const order = { position: 'ASC', createdAt: 'ASC', id: 'ASC' } as const;
    const loadModules = () => manager.find(CourseModule, { where: { courseId }, order });
    const loadActivities = () => manager.find(Activity, { where: { courseId }, order });
    // In parallel on the pool; one after the other on a transaction's single connection.
    const [modules, activities] = em
      ? [await loadModules(), await loadActivities()]
      : await Promise.all([loadModules(), loadActivities()]);
    const byModule = new Map<string, Activity[]>(modules.map((m) => [m.id, []]));
    for (const a of activities) byModule.get(a.moduleId)?.push(a);
    return modules.map((m) => Object.assign(m, { activities: byModule.get(m.id) ?? [] }));
  }

  /** Activities of a course in learning order, flattened across modules (for next/previous and progress). */
  async listCourseActivities(courseId: string, em?: EntityManager): Promise<Activity[]> {
    return (await this.loadCourseOutline(courseId, em)).flatMap((m) => m.activities);
  }

  /** An activity by id; null when absent. */
  findActivity(id: string, em?: EntityManager): Promise<Activity | null> {
    return this.em(em).findOne(Activity, { where: { id } });
  }

  /** Ids of the activities that count toward completing the course. */
  async requiredActivityIds(courseId: string, em?: EntityManager): Promise<string[]> {
    const rows = await this.em(em).find(Activity, {
      select: { id: true },
      where: { courseId, required: true },
    });
    return rows.map((r) => r.id);
  }

  /** The topics of published courses, each once, in alphabetical order (the shared topic list starts here). */
  async publishedTopics(em?: EntityManager): Promise<string[]> {
    const rows = (await this.em(em).query(
      `SELECT DISTINCT t.topic FROM courses co, unnest(co.topics) AS t(topic) WHERE co.status = 'published' ORDER BY t.topic`,
    )) as { topic: string }[];
    return rows.map((r) => r.topic);
  }
}
