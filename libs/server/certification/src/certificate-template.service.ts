import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CertificateTemplate,
  CertificateTemplateImage,
  CertificateTemplateScope,
  CertificateTemplateView,
  Locale,
  Translations,
} from '@aula/contracts';
import { AppConfig, fieldError, pickText } from '@aula/server/core';
import { courseGradingRules, courseTotalPercent } from '@aula/server/assessment';
import { CatalogReader } from '@aula/server/catalog';
import { PreparedSql } from '@aula/server/database';
import { AccessPolicy, type Actor } from '@aula/server/identity';
import { StoragePort } from '@aula/server/storage';
import { CertificatePdfRenderer, type CertificateContent, type CertificateImages } from './certificate-pdf.renderer';
import {
  formatCertificateGrade,
  resolveTemplate,
  type ResolvedTemplate,
  type StoredTemplate,
} from './certificate-template';
import { CertificateTemplateRecord } from './certificate-template.entity';
import { CertificateTemplateImages, inspectTemplateImage, templateImageKeys } from './certificate-template-images';
import { issuerUrls } from './credential';

/** A programme or course whose template is edited. */
interface Owner {
  scope: CertificateTemplateScope;
  id: string;
  /** The course's programme (courses only). */
  programmeId: string | null;
  defaultLocale: Locale;
  title: Translations;
  programmeTitle: Translations;
  estimatedHours: number | null;
}

/** Images of a programme's or course's template live under this prefix; keys are never reused. */
export function templateImagePrefix(scope: CertificateTemplateScope, ownerId: string): string {
  return `${TEMPLATE_IMAGES}${scope}/${ownerId}/`;
}

const TEMPLATE_IMAGES = 'certificate-templates/';
const STORED_IMAGE = /^certificate-templates\/(courses|programmes)\/([0-9a-f-]{36})\/[0-9a-f-]{36}\.(png|jpg)$/;

const IMAGE_NAME = /^[0-9a-f-]{36}\.(png|jpg)$/;

/** Sample values of the preview: a name in two scripts, so fonts and width show as they will. */
const SAMPLE = {
  holderName: 'María José Ñúñez · 王小明',
  course: { en: 'Sample course', es: 'Curso de ejemplo', pt: 'Curso de exemplo' },
  cohort: { en: 'Sample cohort 2026-1', es: 'Cohorte de ejemplo 2026-1', pt: 'Turma de exemplo 2026-1' },
  startDate: '2026-02-02',
  endDate: '2026-05-29',
  completedAt: new Date('2026-05-20T15:00:00Z'),
  issuedAt: new Date('2026-05-21T15:00:00Z'),
  hours: 40,
  gradePercent: 87.5,
  code: 'SAMPLE0000000000000000000',
} as const;

const COLUMNS = `t.orientation, t.default_locale AS "defaultLocale", t.title, t.intro, t.body, t.signatories,
  t.background_image_key AS "backgroundImageKey", t.logo_image_key AS "logoImageKey",
  t.version, t.updated_at AS "updatedAt"`;

/** $1 course id → its own template and its programme's (0–2 rows). Prepared: every certificate asks. */
const COURSE_TEMPLATES = new PreparedSql(
  `SELECT (t.course_id IS NOT NULL) AS "own", ${COLUMNS}
     FROM courses c JOIN certificate_templates t ON t.course_id = c.id OR t.programme_id = c.programme_id
    WHERE c.id = $1`,
);

/**
 * Certificate templates of programmes and courses: reading the one in effect, saving, going back
 * to the inherited one, images, and sample PDFs of unsaved templates. Administrators only. The
 * issuer asks `resolveForCourse` for the template of a course (own, else programme's, else the
 * built-in one).
 */
@Injectable()
export class CertificateTemplateService {
  private readonly logger = new Logger(CertificateTemplateService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly storage: StoragePort,
    private readonly images: CertificateTemplateImages,
    private readonly renderer: CertificatePdfRenderer,
    private readonly catalog: CatalogReader,
  ) {}

  /** The template the course's certificates print with. */
  async resolveForCourse(em: EntityManager, courseId: string): Promise<ResolvedTemplate> {
    const rows = await COURSE_TEMPLATES.run<StoredTemplate & { own: boolean }>(em, [courseId]);
    const strip = (row: (typeof rows)[number] | undefined) => {
      if (!row) return null;
      const { own: _own, ...stored } = row;
      return stored;
    };
    return resolveTemplate(strip(rows.find((r) => r.own)), strip(rows.find((r) => !r.own)));
  }

  /**
   * What a certificate of this enrolment prints with: the course's template (own, programme's or
   * built-in), its images, and the course total formatted for the language (null without graded
   * items: the grade paragraph is left out).
   */
  async forCertificate(
    em: EntityManager,
    enrolment: { enrolmentId: string; courseId: string },
    locale: Locale,
  ): Promise<{ template: CertificateTemplate; images: CertificateImages; grade: string | null }> {
    const { template } = await this.resolveForCourse(em, enrolment.courseId);
    const [images, total] = await Promise.all([
      this.images.forTemplate(template),
      courseGradingRules(em, enrolment.courseId).then((rules) =>
        rules ? courseTotalPercent(em, enrolment.enrolmentId, rules) : null,
      ),
    ]);
    return { template, images, grade: formatCertificateGrade(total, locale) };
  }

  /** The template in effect for a programme or course, and where it comes from. */
  async view(actor: Actor, scope: CertificateTemplateScope, ownerId: string): Promise<CertificateTemplateView> {
    AccessPolicy.assertRole(actor, 'admin');
    return this.viewOf(this.dataSource.manager, await this.owner(this.dataSource.manager, scope, ownerId));
  }

  /** Saves the owner's own template (a new version); images no longer used are removed. */
  async save(
    actor: Actor,
    scope: CertificateTemplateScope,
    ownerId: string,
    input: CertificateTemplate,
  ): Promise<CertificateTemplateView> {
    AccessPolicy.assertRole(actor, 'admin');
    let unused: string[] = [];
    const view = await this.dataSource.transaction(async (em) => {
      const owner = await this.owner(em, scope, ownerId);
      await this.lock(em, owner);
      this.checkText(input, '');
      await this.checkImages(owner, input, '');
      const repository = em.getRepository(CertificateTemplateRecord);
      const where = scope === 'courses' ? { courseId: owner.id } : { programmeId: owner.id };
      const existing = await repository.findOne({ where });
      const values = {
        orientation: input.orientation,
        defaultLocale: input.defaultLocale,
        title: input.title,
        intro: input.intro,
        body: input.body,
        signatories: input.signatories.map((s) => ({
          name: s.name,
          title: s.title,
          signatureImageKey: s.signatureImageKey ?? null,
        })),
        backgroundImageKey: input.backgroundImageKey ?? null,
        logoImageKey: input.logoImageKey ?? null,
        updatedById: actor.id,
      };
      if (existing) {
        unused = await this.unusedAfter(em, owner, existing, values);
        await repository.save(Object.assign(existing, values));
      } else {
        await repository.insert({ ...where, ...values });
      }
      return this.viewOf(em, owner);
    });
    await this.removeStored(unused);
    return view;
  }

  /** Removes the owner's own template: it inherits again (programme's, or the built-in one). */
  async reset(actor: Actor, scope: CertificateTemplateScope, ownerId: string): Promise<CertificateTemplateView> {
    AccessPolicy.assertRole(actor, 'admin');
    let unused: string[] = [];
    const view = await this.dataSource.transaction(async (em) => {
      const owner = await this.owner(em, scope, ownerId);
      await this.lock(em, owner);
      const repository = em.getRepository(CertificateTemplateRecord);
      const existing = await repository.findOne({
        where: scope === 'courses' ? { courseId: owner.id } : { programmeId: owner.id },
      });
      if (existing) {
        unused = await this.unusedAfter(em, owner, existing, null);
        await repository.delete({ id: existing.id });
      }
      return this.viewOf(em, owner);
    });
    await this.removeStored(unused);
    return view;
  }

  /** Stores an image for the owner's template; the template refers to it by the key answered. */
  async uploadImage(
    actor: Actor,
    scope: CertificateTemplateScope,
    ownerId: string,
    content: Buffer,
  ): Promise<CertificateTemplateImage> {
    AccessPolicy.assertRole(actor, 'admin');
    await this.owner(this.dataSource.manager, scope, ownerId);
    const image = inspectTemplateImage(content);
    const key = `${templateImagePrefix(scope, ownerId)}${randomUUID()}.${image.extension}`;
    await this.storage.put(key, content);
    return { key, contentType: image.contentType, width: image.width, height: image.height, size: content.length };
  }

  /** Removes an uploaded image that no saved template uses (409 when one does). */
  async removeImage(actor: Actor, scope: CertificateTemplateScope, ownerId: string, name: string): Promise<void> {
    AccessPolicy.assertRole(actor, 'admin');
    if (!IMAGE_NAME.test(name)) throw fieldError('name', 'is not an image of this template');
    await this.dataSource.transaction(async (em) => {
      const owner = await this.owner(em, scope, ownerId);
      await this.lock(em, owner);
      const key = `${templateImagePrefix(scope, ownerId)}${name}`;
      if (!(await this.storage.exists(key))) throw new NotFoundException();
      if ((await this.keysInUse(em, owner)).has(key)) {
        throw new ConflictException('A saved template uses this image: remove it from the template and save first.');
      }
      await this.storage.delete(key);
      this.images.forget(key);
    });
  }

  /**
   * Housekeeping (the worker, daily): removes stored template images that no saved template uses
   * and that were uploaded before `uploadedBefore`: uploads an editor never saved, the images of a
   * course or programme deleted since, a removal that failed after its commit. The grace period
   * spares images of a template still being edited. Each owner's images are judged and removed
   * under the owner's template lock, so a save that names one either lands first (and keeps it) or
   * finds it gone (400). Returns how many it removed.
   */
  async sweepUnusedImages(uploadedBefore: Date): Promise<number> {
    const byOwner = new Map<string, { scope: CertificateTemplateScope; ownerId: string; keys: string[] }>();
    for await (const stored of this.storage.list(TEMPLATE_IMAGES)) {
      const match = STORED_IMAGE.exec(stored.key);
      if (!match || stored.writtenAt >= uploadedBefore) continue;
      const [, scope, ownerId] = match as unknown as [string, CertificateTemplateScope, string];
      const group = byOwner.get(`${scope}/${ownerId}`) ?? { scope, ownerId, keys: [] };
      group.keys.push(stored.key);
      byOwner.set(`${scope}/${ownerId}`, group);
    }
    let removed = 0;
    for (const { scope, ownerId, keys } of byOwner.values()) {
      removed += await this.dataSource.transaction(async (em) => {
        const owner = await this.owner(em, scope, ownerId).catch((e: unknown) => {
          if (e instanceof NotFoundException) return null;
          throw e;
        });
        let inUse: Set<string>;
        if (owner) {
          await this.lock(em, owner);
          inUse = await this.keysInUse(em, owner);
        } else {
          // The owner is gone, and with it its template; look everywhere all the same.
          const rows = (await em.query(`SELECT ${COLUMNS} FROM certificate_templates t`)) as StoredTemplate[];
          inUse = new Set(rows.flatMap((r) => templateImageKeys(r)));
        }
        let n = 0;
        for (const key of keys) {
          if (inUse.has(key)) continue;
          await this.storage.delete(key);
          this.images.forget(key);
          n++;
        }
        return n;
      });
    }
    if (removed) this.logger.log(`removed ${removed} certificate template image(s) no template uses`);
    return removed;
  }

  /** A sample PDF of an unsaved template, in `locale`, with sample values for the placeholders. */
  async preview(
    actor: Actor,
    scope: CertificateTemplateScope,
    ownerId: string,
    template: CertificateTemplate,
    locale: Locale,
  ): Promise<Buffer> {
    AccessPolicy.assertRole(actor, 'admin');
    const owner = await this.owner(this.dataSource.manager, scope, ownerId);
    this.checkText(template, 'template.');
    await this.checkImages(owner, template, 'template.');
    const course =
      scope === 'courses' ? pickText(owner.title, locale, owner.defaultLocale).text : SAMPLE.course[locale];
    const content: CertificateContent = {
      code: SAMPLE.code,
      verifyUrl: issuerUrls(this.config.PUBLIC_URL).verifyPageUrl(SAMPLE.code),
      locale,
      timeZone: 'UTC',
      holderName: SAMPLE.holderName,
      course,
      cohort: SAMPLE.cohort[locale],
      startDate: SAMPLE.startDate,
      endDate: SAMPLE.endDate,
      completedAt: SAMPLE.completedAt,
      issuedAt: SAMPLE.issuedAt,
      expiresAt: null,
      hours: scope === 'courses' ? owner.estimatedHours : SAMPLE.hours,
      grade: formatCertificateGrade(SAMPLE.gradePercent, locale),
      heading: pickText(owner.programmeTitle, locale, owner.defaultLocale).text || this.config.PLATFORM_NAME,
      issuerName: this.config.PLATFORM_NAME,
    };
    return this.renderer.render(content, template, await this.images.forTemplate(template));
  }

  // ---- helpers ----

  private async owner(em: EntityManager, scope: CertificateTemplateScope, id: string): Promise<Owner> {
    if (scope === 'courses') {
      const course = await this.catalog.findCourseWithProgramme(id, em);
      if (!course?.programme) throw new NotFoundException();
      const { programmeId, defaultLocale, title, estimatedHours } = course;
      return { scope, id: course.id, programmeId, defaultLocale, title, programmeTitle: course.programme.title, estimatedHours };
    }
    const programme = await this.catalog.findProgramme(id, em);
    if (!programme) throw new NotFoundException();
    const { defaultLocale, title } = programme;
    return { scope, id: programme.id, programmeId: null, defaultLocale, title, programmeTitle: title, estimatedHours: null };
  }

  /** Saves, resets and image removals of one owner's template run one at a time. */
  private async lock(em: EntityManager, owner: Owner): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('aula:certificate-template'), hashtext($1))`, [
      owner.programmeId ?? owner.id,
    ]);
  }

  private async viewOf(em: EntityManager, owner: Owner): Promise<CertificateTemplateView> {
    const rows = (await em.query(
      `SELECT (t.course_id IS NOT NULL) AS "own", ${COLUMNS}
         FROM certificate_templates t WHERE t.course_id = $1 OR t.programme_id = $2`,
      [owner.scope === 'courses' ? owner.id : null, owner.programmeId ?? owner.id],
    )) as (StoredTemplate & { own: boolean })[];
    const own = rows.find((r) => (owner.scope === 'courses' ? r.own : !r.own));
    const programme = owner.scope === 'courses' ? rows.find((r) => !r.own) : undefined;
    const strip = (row: (typeof rows)[number] | undefined) => {
      if (!row) return null;
      const { own: _own, ...stored } = row;
      return stored;
    };
    const resolved = resolveTemplate(strip(own), strip(programme));
    return {
      scope: owner.scope,
      ownerId: owner.id,
      source: own ? 'own' : resolved.source === 'default' ? 'default' : 'programme',
      template: resolved.template,
      version: own?.version ?? null,
      updatedAt: own ? new Date(own.updatedAt).toISOString() : null,
    };
  }

  /** The text in the template's own language is required: it is what other languages fall back to. */
  private checkText(template: CertificateTemplate, prefix: string): void {
    for (const field of ['title', 'body'] as const) {
      if (!template[field][template.defaultLocale]?.trim()) {
        throw fieldError(
          `${prefix}${field}.${template.defaultLocale}`,
          'is required in the template’s default language',
        );
      }
    }
  }

  /**
   * Images must be ones uploaded for this template (a course may also use its programme's) and
   * still stored; anything else is a 400 naming the field.
   */
  private async checkImages(owner: Owner, template: CertificateTemplate, prefix: string): Promise<void> {
    const allowed = [templateImagePrefix(owner.scope, owner.id)];
    if (owner.programmeId) allowed.push(templateImagePrefix('programmes', owner.programmeId));
    const fields: [string, string | null | undefined][] = [
      ['backgroundImageKey', template.backgroundImageKey],
      ['logoImageKey', template.logoImageKey],
      ...template.signatories.map(
        (s, i): [string, string | null | undefined] => [`signatories.${i}.signatureImageKey`, s.signatureImageKey],
      ),
    ];
    for (const [field, key] of fields) {
      if (!key) continue;
      const name = allowed.find((p) => key.startsWith(p)) ? key.slice(key.lastIndexOf('/') + 1) : null;
      if (!name || !IMAGE_NAME.test(name) || key.split('/').length !== 4 || !(await this.storage.exists(key))) {
        throw fieldError(`${prefix}${field}`, 'is not an image uploaded for this template');
      }
    }
  }

  /** Every image key a saved template uses: the owner's, its programme's and (for a programme) its courses'. */
  private async keysInUse(em: EntityManager, owner: Owner): Promise<Set<string>> {
    const programmeId = owner.programmeId ?? owner.id;
    const courseIds = await this.catalog.courseIdsOfProgramme(programmeId, em);
    const rows = (await em.query(
      `SELECT ${COLUMNS} FROM certificate_templates t WHERE t.programme_id = $1 OR t.course_id = ANY($2::uuid[])`,
      [programmeId, courseIds],
    )) as StoredTemplate[];
    return new Set(rows.flatMap((r) => templateImageKeys(r)));
  }

  /**
   * The owner's own images that the saved template used and no saved template will use once
   * `next` replaces it (null: removed). Run under the owner's lock, before the change is written.
   */
  private async unusedAfter(
    em: EntityManager,
    owner: Owner,
    previous: CertificateTemplateRecord,
    next: Pick<CertificateTemplate, 'backgroundImageKey' | 'logoImageKey' | 'signatories'> | null,
  ): Promise<string[]> {
    const prefix = templateImagePrefix(owner.scope, owner.id);
    const before = templateImageKeys(previous).filter((k) => k.startsWith(prefix));
    if (before.length === 0) return [];
    const after = new Set(next ? templateImageKeys(next) : []);
    const programmeId = owner.programmeId ?? owner.id;
    const courseIds = await this.catalog.courseIdsOfProgramme(programmeId, em);
    const others = await em.query(
      `SELECT ${COLUMNS} FROM certificate_templates t
        WHERE t.id <> $1 AND (t.programme_id = $2 OR t.course_id = ANY($3::uuid[]))`,
      [previous.id, programmeId, courseIds],
    );
    for (const k of (others as StoredTemplate[]).flatMap((r) => templateImageKeys(r))) after.add(k);
    return before.filter((k) => !after.has(k));
  }

  /** After the commit: a failure here leaves a stray file, never a template without its image. */
  private async removeStored(keys: string[]): Promise<void> {
    for (const key of keys) {
      try {
        await this.storage.delete(key);
        this.images.forget(key);
      } catch (e) {
        this.logger.warn(`could not remove template image ${key}: ${(e as Error).message}`);
      }
    }
  }
}
