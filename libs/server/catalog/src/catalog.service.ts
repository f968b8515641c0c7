import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  PAGE_LIMIT_DEFAULT,
  REMINDER_OFFSETS_LIMITS,
  type ActivityAdminView,
  type ActivityInput,
  type ActivityUpdate,
  type CourseAdminQuery,
  type CourseAdminView,
  type CourseInput,
  type CourseStatus,
  type CourseUpdate,
  type Locale,
  type ModuleAdminView,
  type ModuleInput,
  type ModuleUpdate,
  type Page,
  type ProgrammeInput,
  type ProgrammeUpdate,
  type ProgrammeView,
  type Translations,
} from '@aula/contracts';
import { cleanPlainTranslations, cleanRichTranslations, localesOf, searchKey } from '@aula/server/core';
import { decodeCursor, isPgError, keysetPage, PG } from '@aula/server/database';
import { Activity } from './activity.entity';
import { ActivityFileService } from './activity-file.service';
import {
  CatalogNotFoundError,
  CourseNotPublishableError,
  DefaultTitleMissingError,
  InvalidFieldError,
  SlugTakenError,
} from './catalog.errors';
import { CatalogReader } from './catalog.reader';
import {
  toActivityAdminView,
  toCourseAdminView,
  toModuleAdminView,
  toProgrammeView,
  type OutlineModule,
} from './catalog.views';
import { CourseModule } from './course-module.entity';
import { Course } from './course.entity';
import { Programme } from './programme.entity';
import { sanitiseRichText } from './rich-text.sanitiser';

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

const plain = cleanPlainTranslations;
const rich = (text: Translations | null | undefined) => cleanRichTranslations(text, sanitiseRichText);

function requireDefaultTitle(title: Translations, locale: Locale, prefix = ''): void {
  if (!title[locale]) throw new DefaultTitleMissingError(locale, prefix);
}

function cleanTopics(topics: string[] | undefined): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of topics ?? []) {
    const topic = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = searchKey(topic);
    if (topic && !seen.has(key)) {
      seen.add(key);
      result.push(topic);
    }
  }
  return result;
}

/**
 * A course's own reminder offsets, largest first; null keeps the platform's default. The API
 * checks the same rules at the edge; they are repeated here for every other caller.
 */
function cleanReminderOffsets(hours: number[] | null | undefined): number[] | null {
  if (hours === null || hours === undefined) return null;
  const { minHours, maxHours, maxCount } = REMINDER_OFFSETS_LIMITS;
  const valid =
    hours.length >= 1 &&
    hours.length <= maxCount &&
    new Set(hours).size === hours.length &&
    hours.every((h) => Number.isInteger(h) && h >= minHours && h <= maxHours);
  if (!valid) {
    throw new InvalidFieldError(
      'reminderOffsetsHours',
      `must be 1 to ${maxCount} distinct whole numbers of hours from ${minHours} to ${maxHours}, or null`,
    );
  }
  return [...hours].sort((a, b) => b - a);
}

/** What the catalogue search and the list of languages are computed from; kept on every save. */
function refreshDerived(course: Course): void {
  course.locales = localesOf(course.title);
  course.searchText = searchKey(...Object.values(course.title), ...Object.values(course.summary));
}

/** `ids` must name every child exactly once, and nothing else. */
function assertSameSet(ids: string[], existing: string[], what: string): void {
  const known = new Set(existing);
  if (
    ids.length !== existing.length ||
    new Set(ids).size !== ids.length ||
    !ids.every((id) => known.has(id))
  ) {
    throw new InvalidFieldError(
      'ids',
      `must list each of the ${existing.length} ${what} exactly once`,
      `ids must list each of the ${what} exactly once, in the new order.`,
    );
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Authoring the catalogue: programmes, courses, modules and activities, every language at once.
 * Callers are administrators (the API checks the role). Text is cleaned here whoever calls:
 * plain text trimmed, rich text sanitised, the default-language title required.
 */
@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(Programme) private readonly programmes: Repository<Programme>,
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(CourseModule) private readonly modules: Repository<CourseModule>,
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    private readonly reader: CatalogReader,
    private readonly files: ActivityFileService,
  ) {}

  // ---- programmes ----

  /** Ordered by slug. */
  async listProgrammes(query: PageQuery = {}): Promise<Page<ProgrammeView>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const qb = this.programmes
      .createQueryBuilder('p')
      .orderBy('p.slug', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit + 1);
    if (query.cursor) {
      const [slug, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(p.slug, p.id) > (:slug, :id)', { slug, id });
    }
    const rows = await qb.getMany();
    return keysetPage(rows, limit, toProgrammeView, (last) => [last.slug, last.id]);
  }

  async getProgramme(id: string): Promise<ProgrammeView> {
    return toProgrammeView(await this.programmeOr404(id));
  }

  async createProgramme(input: ProgrammeInput): Promise<ProgrammeView> {
    const programme = this.programmes.create({
      slug: input.slug,
      defaultLocale: input.defaultLocale,
      title: plain(input.title),
      description: rich(input.description),
    });
    requireDefaultTitle(programme.title, programme.defaultLocale);
    return toProgrammeView(await this.saveProgramme(programme));
  }

  async updateProgramme(id: string, change: ProgrammeUpdate): Promise<ProgrammeView> {
    const programme = await this.programmeOr404(id);
    if (change.slug !== undefined) programme.slug = change.slug;
    if (change.defaultLocale !== undefined) programme.defaultLocale = change.defaultLocale;
    if (change.title !== undefined) programme.title = plain(change.title);
    if (change.description !== undefined) programme.description = rich(change.description);
    requireDefaultTitle(programme.title, programme.defaultLocale);
    return toProgrammeView(await this.saveProgramme(programme));
  }

  // ---- courses ----

  /** Ordered by slug; `q` matches titles and summaries in any language (accents and case ignored) or the slug. */
  async listCourses(query: CourseAdminQuery = {}): Promise<Page<CourseAdminView>> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const qb = this.courses
      .createQueryBuilder('c')
      .orderBy('c.slug', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1);
    const q = query.q ? searchKey(query.q) : '';
    if (q)
      qb.andWhere('(c.search_text LIKE :pattern OR c.slug LIKE :pattern)', { pattern: `%${escapeLike(q)}%` });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.cursor) {
      const [slug, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(c.slug, c.id) > (:slug, :id)', { slug, id });
    }
    const rows = await qb.getMany();
    return keysetPage(rows, limit, (c) => toCourseAdminView(c), (last) => [last.slug, last.id]);
  }

  /** A new draft. 400 naming `programmeId` for an unknown programme, 409 naming `slug` when taken. */
  async createCourse(input: CourseInput): Promise<CourseAdminView> {
    await this.assertProgrammeExists(input.programmeId);
    const course = this.courses.create({
      programmeId: input.programmeId,
      slug: input.slug,
      status: 'draft',
      defaultLocale: input.defaultLocale,
      title: plain(input.title),
      summary: plain(input.summary),
      description: rich(input.description),
      topics: cleanTopics(input.topics),
      estimatedHours: input.estimatedHours ?? null,
      reminderOffsetsHours: cleanReminderOffsets(input.reminderOffsetsHours),
    });
    requireDefaultTitle(course.title, course.defaultLocale);
    refreshDerived(course);
    return toCourseAdminView(await this.saveCourse(course));
  }

  /** The course with its modules and activities in order. */
  async getCourse(id: string, em?: EntityManager): Promise<CourseAdminView> {
    const course = await this.reader.findCourse(id, em);
    if (!course) throw new CatalogNotFoundError('course');
    return toCourseAdminView(course, await this.reader.loadCourseOutline(id, em));
  }

  /** Changes only what is sent; a translatable field sent replaces all its languages. */
  async updateCourse(id: string, change: CourseUpdate): Promise<CourseAdminView> {
    const course = await this.courseOr404(id);
    if (change.programmeId !== undefined && change.programmeId !== course.programmeId) {
      await this.assertProgrammeExists(change.programmeId);
      course.programmeId = change.programmeId;
    }
    if (change.slug !== undefined) course.slug = change.slug;
    if (change.defaultLocale !== undefined) course.defaultLocale = change.defaultLocale;
    if (change.title !== undefined) course.title = plain(change.title);
    if (change.summary !== undefined) course.summary = plain(change.summary);
    if (change.description !== undefined) course.description = rich(change.description);
    if (change.topics !== undefined) course.topics = cleanTopics(change.topics);
    if (change.estimatedHours !== undefined) course.estimatedHours = change.estimatedHours;
    if (change.reminderOffsetsHours !== undefined)
      course.reminderOffsetsHours = cleanReminderOffsets(change.reminderOffsetsHours);
    requireDefaultTitle(course.title, course.defaultLocale);
    refreshDerived(course);
    await this.saveCourse(course);
    return this.getCourse(id);
  }

  /**
   * Draft, published or archived, in any direction. Publishing (from draft or archived) needs a
   * title in the default language for the course, its modules and activities, at least one
   * activity, an address for every link and a file for every file activity: 409 listing what is
   * missing otherwise.
   */
  async setCourseStatus(id: string, status: CourseStatus): Promise<CourseAdminView> {
    return this.courses.manager.transaction(async (em) => {
      const course = await em.findOne(Course, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!course) throw new CatalogNotFoundError('course');
      if (course.status === status) return this.getCourse(id, em);
      const outline = await this.reader.loadCourseOutline(id, em);
      if (status === 'published') this.assertPublishable(course, outline);
      course.status = status;
      await em.save(course);
      return toCourseAdminView(course, outline);
    });
  }

  /**
   * A new draft for a new run: same programme, text and topics, copies of every module and
   * activity (files copied in storage, so the two courses never share one).
   */
  async duplicateCourse(id: string, slug: string): Promise<CourseAdminView> {
    const source = await this.courseOr404(id);
    if (await this.courses.exists({ where: { slug } })) throw new SlugTakenError('course');
    const outline = await this.reader.loadCourseOutline(id);

    const copiedKeys = new Map<string, string | null>();
    try {
      for (const activity of outline.flatMap((m) => m.activities)) {
        if (activity.fileKey) copiedKeys.set(activity.id, await this.files.copy(activity.fileKey));
      }
      const copyId = await this.courses.manager.transaction(async (em) => {
        const copy = em.create(Course, {
          programmeId: source.programmeId,
          slug,
          status: 'draft',
          defaultLocale: source.defaultLocale,
          title: source.title,
          summary: source.summary,
          description: source.description,
          topics: source.topics,
          estimatedHours: source.estimatedHours,
          reminderOffsetsHours: source.reminderOffsetsHours,
        });
        refreshDerived(copy);
        await this.saveCourse(copy, em);
        for (const module of outline) {
          const newModule = await em.save(
            em.create(CourseModule, { courseId: copy.id, position: module.position, title: module.title }),
          );
          for (const a of module.activities) {
            const fileKey = copiedKeys.get(a.id) ?? null;
            await em.save(
              em.create(Activity, {
                moduleId: newModule.id,
                courseId: copy.id,
                position: a.position,
                kind: a.kind,
                title: a.title,
                body: a.body,
                url: a.url,
                required: a.required,
                fileKey,
                fileName: fileKey ? a.fileName : null,
                fileContentType: fileKey ? a.fileContentType : null,
                fileSize: fileKey ? a.fileSize : null,
              }),
            );
          }
        }
        return copy.id;
      });
      return this.getCourse(copyId);
    } catch (e) {
      await this.files.discard([...copiedKeys.values()]);
      throw e;
    }
  }

  // ---- modules ----

  /** Added last. The title needs the course's default language. */
  async addModule(courseId: string, input: ModuleInput): Promise<ModuleAdminView> {
    return this.courses.manager.transaction(async (em) => {
      // The course row is locked so two modules added at once get distinct positions.
      const course = await em.findOne(Course, {
        where: { id: courseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!course) throw new CatalogNotFoundError('course');
      const title = plain(input.title);
      requireDefaultTitle(title, course.defaultLocale);
      const position = await this.nextPosition(em, 'course_modules', 'course_id', courseId);
      const saved = await em.save(em.create(CourseModule, { courseId, position, title }));
      return toModuleAdminView(saved, []);
    });
  }

  async updateModule(id: string, change: ModuleUpdate): Promise<ModuleAdminView> {
    const module = await this.modules.findOne({ where: { id } });
    if (!module) throw new CatalogNotFoundError('module');
    if (change.title !== undefined) {
      module.title = plain(change.title);
      requireDefaultTitle(module.title, await this.defaultLocaleOf(module.courseId));
    }
    await this.modules.save(module);
    const activities = await this.activities.find({
      where: { moduleId: id },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    return toModuleAdminView(module, activities);
  }

  /** Removes the module, its activities (with learners' completions, work and grades) and their files. */
  async deleteModule(id: string): Promise<void> {
    const keys = await this.courses.manager.transaction(async (em) => {
      const module = await em.findOne(CourseModule, { where: { id } });
      if (!module) throw new CatalogNotFoundError('module');
      await em.findOne(Course, { where: { id: module.courseId }, lock: { mode: 'pessimistic_write' } });
      const activities = await em.find(Activity, {
        select: { id: true, fileKey: true },
        where: { moduleId: id },
      });
      const keys = await this.files.keysOf(em, activities);
      await em.delete(CourseModule, { id });
      await em.query(
        'UPDATE course_modules SET position = position - 1 WHERE course_id = $1 AND position > $2',
        [module.courseId, module.position],
      );
      return keys;
    });
    await this.files.discard(keys);
  }

  /** `ids`: every module of the course, in the new order. */
  async reorderModules(courseId: string, ids: string[]): Promise<CourseAdminView> {
    return this.courses.manager.transaction(async (em) => {
      const course = await em.findOne(Course, {
        where: { id: courseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!course) throw new CatalogNotFoundError('course');
      const existing = await em.find(CourseModule, { select: { id: true }, where: { courseId } });
      assertSameSet(
        ids,
        existing.map((m) => m.id),
        'modules of the course',
      );
      await this.rewritePositions(em, 'course_modules', 'course_id', courseId, ids);
      return this.getCourse(courseId, em);
    });
  }

  // ---- activities ----

  /** Added last in the module. `url` is for links only (and required there). */
  async addActivity(moduleId: string, input: ActivityInput): Promise<ActivityAdminView> {
    return this.courses.manager.transaction(async (em) => {
      const module = await em.findOne(CourseModule, {
        where: { id: moduleId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!module) throw new CatalogNotFoundError('module');
      const course = await em.findOneOrFail(Course, { where: { id: module.courseId } });
      const title = plain(input.title);
      requireDefaultTitle(title, course.defaultLocale);
      const url = this.checkUrl(input.kind, input.url ?? null);
      const position = await this.nextPosition(em, 'activities', 'module_id', moduleId);
      const saved = await em.save(
        em.create(Activity, {
          moduleId,
          courseId: module.courseId,
          position,
          kind: input.kind,
          title,
          body: rich(input.body),
          url,
          required: input.required ?? true,
        }),
      );
      return toActivityAdminView(saved);
    });
  }

  /** The kind is fixed: make a new activity for another kind. */
  async updateActivity(id: string, change: ActivityUpdate): Promise<ActivityAdminView> {
    const activity = await this.activities.findOne({ where: { id } });
    if (!activity) throw new CatalogNotFoundError('activity');
    if (change.title !== undefined) {
      activity.title = plain(change.title);
      requireDefaultTitle(activity.title, await this.defaultLocaleOf(activity.courseId));
    }
    if (change.body !== undefined) activity.body = rich(change.body);
    if (change.url !== undefined) activity.url = this.checkUrl(activity.kind, change.url);
    if (change.required !== undefined) activity.required = change.required;
    return toActivityAdminView(await this.activities.save(activity));
  }

  /** Removes the activity (with learners' completions, work and grades of it) and its files. */
  async deleteActivity(id: string): Promise<void> {
    const keys = await this.courses.manager.transaction(async (em) => {
      const activity = await em.findOne(Activity, { where: { id } });
      if (!activity) throw new CatalogNotFoundError('activity');
      await em.findOne(CourseModule, {
        where: { id: activity.moduleId },
        lock: { mode: 'pessimistic_write' },
      });
      const keys = await this.files.keysOf(em, [activity]);
      await em.delete(Activity, { id });
      await em.query('UPDATE activities SET position = position - 1 WHERE module_id = $1 AND position > $2', [
        activity.moduleId,
        activity.position,
      ]);
      return keys;
    });
    await this.files.discard(keys);
  }

  /** `ids`: every activity of the module, in the new order. */
  async reorderActivities(moduleId: string, ids: string[]): Promise<ModuleAdminView> {
    return this.courses.manager.transaction(async (em) => {
      const module = await em.findOne(CourseModule, {
        where: { id: moduleId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!module) throw new CatalogNotFoundError('module');
      const existing = await em.find(Activity, { select: { id: true }, where: { moduleId } });
      assertSameSet(
        ids,
        existing.map((a) => a.id),
        'activities of the module',
      );
      await this.rewritePositions(em, 'activities', 'module_id', moduleId, ids);
      const activities = await em.find(Activity, { where: { moduleId }, order: { position: 'ASC' } });
      return toModuleAdminView(module, activities);
    });
  }

  // ---- helpers ----

  private async programmeOr404(id: string): Promise<Programme> {
    const programme = await this.programmes.findOne({ where: { id } });
    if (!programme) throw new CatalogNotFoundError('programme');
    return programme;
  }

  private async courseOr404(id: string): Promise<Course> {
    const course = await this.courses.findOne({ where: { id } });
    if (!course) throw new CatalogNotFoundError('course');
    return course;
  }

  private async defaultLocaleOf(courseId: string): Promise<Locale> {
    const course = await this.courses.findOneOrFail({
      select: { id: true, defaultLocale: true },
      where: { id: courseId },
    });
    return course.defaultLocale;
  }

  private async assertProgrammeExists(id: string): Promise<void> {
    if (!(await this.programmes.exists({ where: { id } })))
      throw new InvalidFieldError('programmeId', 'is not a known programme');
  }

  private async saveProgramme(programme: Programme): Promise<Programme> {
    try {
      return await this.programmes.save(programme);
    } catch (e) {
      if (isPgError(e, PG.uniqueViolation, 'programmes_slug_key')) throw new SlugTakenError('programme');
      throw e;
    }
  }

  private async saveCourse(course: Course, em: EntityManager = this.courses.manager): Promise<Course> {
    try {
      return await em.save(course);
    } catch (e) {
      if (isPgError(e, PG.uniqueViolation, 'courses_slug_key')) throw new SlugTakenError('course');
      // A programme removed between the check and the insert.
      if (isPgError(e, PG.foreignKeyViolation, 'courses_programme_id_fkey'))
        throw new InvalidFieldError('programmeId', 'is not a known programme');
      throw e;
    }
  }

  private checkUrl(kind: Activity['kind'], url: string | null): string | null {
    if (kind === 'link' && !url) throw new InvalidFieldError('url', 'is required for a link activity');
    if (kind !== 'link' && url)
      throw new InvalidFieldError('url', `is only for link activities, not ${kind}`);
    return url;
  }

  private async nextPosition(
    em: EntityManager,
    table: 'course_modules' | 'activities',
    parent: 'course_id' | 'module_id',
    parentId: string,
  ): Promise<number> {
    const [row] = (await em.query(
      `SELECT COALESCE(MAX(position) + 1, 0)::int AS next FROM ${table} WHERE ${parent} = $1`,
      [parentId],
    )) as { next: number }[];
    return row.next;
  }

  /** One statement: position = index in `ids`. */
  private async rewritePositions(
    em: EntityManager,
    table: 'course_modules' | 'activities',
    parent: 'course_id' | 'module_id',
    parentId: string,
    ids: string[],
  ): Promise<void> {
    await em.query(
      `UPDATE ${table} AS t SET position = o.ord - 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE t.id = o.id AND t.${parent} = $2`,
      [ids, parentId],
    );
  }

  private assertPublishable(course: Course, outline: OutlineModule[]): void {
    const locale = course.defaultLocale;
    const errors: { path: string; message: string }[] = [];
    if (!course.title[locale])
      errors.push({ path: `title.${locale}`, message: 'is required in the default language' });
    if (!outline.some((m) => m.activities.length))
      errors.push({ path: 'modules', message: 'must hold at least one activity' });
    outline.forEach((m, i) => {
      if (!m.title[locale])
        errors.push({ path: `modules.${i}.title.${locale}`, message: 'is required in the default language' });
      m.activities.forEach((a, j) => {
        const at = `modules.${i}.activities.${j}`;
        if (!a.title[locale])
          errors.push({ path: `${at}.title.${locale}`, message: 'is required in the default language' });
        if (a.kind === 'link' && !a.url)
          errors.push({ path: `${at}.url`, message: 'is required for a link activity' });
        if (a.kind === 'file' && !a.fileKey)
          errors.push({ path: `${at}.file`, message: 'has not been uploaded' });
      });
    });
    if (errors.length) throw new CourseNotPublishableError(errors);
  }
}
