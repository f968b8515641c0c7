import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import {
  LOCALES,
  WORKSHOP_OUTCOME_LIMITS,
  type WorkshopMaterialFileQuery,
  type WorkshopMaterialLinkInput,
  type WorkshopMaterialView,
} from '@aula/contracts';
import { attachmentDisposition } from '@aula/server/core';
import { inspectActivityFile } from '@aula/server/catalog';
import type { Actor } from '@aula/server/identity';
import { StorageNotFoundError, StoragePort } from '@aula/server/storage';
import { Workshop } from './workshop.entity';
import { WorkshopSession } from './workshop-session.entity';
import { WorkshopMaterial } from './workshop-material.entity';
import { WorkshopPolicy } from './workshop.policy';
import { fieldsError, type FieldProblem } from './workshop-input';
import { WorkshopNotFoundError } from './workshops.errors';
import { WorkshopItemNotFoundError } from './workshop-outcomes.errors';

/** A material's file ready to send, with the headers that keep it inert in a browser. */
export interface WorkshopMaterialDownload {
  stream: Readable;
  headers: Record<string, string>;
}

export function toMaterialView(m: WorkshopMaterial): WorkshopMaterialView {
  return {
    id: m.id,
    workshopId: m.workshopId,
    sessionId: m.sessionId,
    kind: m.kind,
    title: m.title,
    language: m.language,
    url: m.url,
    fileName: m.fileName,
    contentType: m.fileContentType,
    size: m.fileSize,
    createdAt: m.createdAt.toISOString(),
  };
}

const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/**
 * Files and links of a workshop or its sessions. Organisers add and remove them; confirmed
 * participants and organisers read them (anyone else: 404). Files pass the same content checks
 * as course activity files and go through the storage port.
 */
@Injectable()
export class WorkshopMaterialService {
  private readonly logger = new Logger(WorkshopMaterialService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkshopPolicy,
    private readonly storage: StoragePort,
  ) {}

  /** The workshop behind a participant's address, when the reader is one of its insiders. */
  async insiderWorkshop(actor: Actor | null, slug: string): Promise<Workshop> {
    const w = await this.dataSource.manager.findOne(Workshop, { where: { slug } });
    if (!w || !(await this.policy.isInsider(actor, w.id))) throw new WorkshopNotFoundError();
    return w;
  }

  async listForParticipant(actor: Actor | null, slug: string): Promise<WorkshopMaterialView[]> {
    const w = await this.insiderWorkshop(actor, slug);
    return this.listOf(w.id);
  }

  async listForOrganiser(actor: Actor, workshopId: string): Promise<WorkshopMaterialView[]> {
    await this.policy.assertOrganiser(actor, workshopId);
    return this.listOf(workshopId);
  }

  async addLink(actor: Actor, workshopId: string, input: WorkshopMaterialLinkInput): Promise<WorkshopMaterialView> {
    await this.policy.assertOrganiser(actor, workshopId);
    const problems = await this.checkCommon(workshopId, input);
    const url = (input.url ?? '').trim();
    if (!HTTP_URL.test(url) || url.length > WORKSHOP_OUTCOME_LIMITS.url) problems.push({ path: 'url', message: 'must be an http(s) address' });
    if (problems.length) throw fieldsError(problems);
    const repo = this.dataSource.getRepository(WorkshopMaterial);
    const saved = await repo.save(
      repo.create({
        workshopId,
        sessionId: input.sessionId ?? null,
        kind: 'link',
        title: input.title.trim(),
        language: input.language,
        url,
        createdById: actor.id,
      }),
    );
    return toMaterialView(saved);
  }

  /** 400 naming `title`, `language`, `sessionId` or `file`; 415 naming `file` for content not accepted. */
  async upload(actor: Actor, workshopId: string, query: WorkshopMaterialFileQuery, content: Buffer, originalName: string): Promise<WorkshopMaterialView> {
    await this.policy.assertOrganiser(actor, workshopId);
    const problems = await this.checkCommon(workshopId, query);
    if (problems.length) throw fieldsError(problems);
    const inspected = await inspectActivityFile(content, originalName);
    const key = `workshops/materials/${workshopId}/${randomUUID()}`;
    const stored = await this.storage.put(key, content);
    try {
      const repo = this.dataSource.getRepository(WorkshopMaterial);
      const saved = await repo.save(
        repo.create({
          workshopId,
          sessionId: query.sessionId ?? null,
          kind: 'file',
          title: query.title.trim(),
          language: query.language,
          fileKey: key,
          fileName: inspected.name,
          fileContentType: inspected.contentType,
          fileSize: stored.size,
          createdById: actor.id,
        }),
      );
      return toMaterialView(saved);
    } catch (e) {
      await this.storage.delete(key);
      throw e;
    }
  }

  async remove(actor: Actor, workshopId: string, materialId: string): Promise<void> {
    await this.policy.assertOrganiser(actor, workshopId);
    const repo = this.dataSource.getRepository(WorkshopMaterial);
    const material = await repo.findOne({ where: { id: materialId, workshopId } });
    if (!material) throw new WorkshopItemNotFoundError('material');
    await repo.delete({ id: material.id });
    if (material.fileKey) {
      try {
        await this.storage.delete(material.fileKey);
      } catch (e) {
        this.logger.warn({ key: material.fileKey, error: String(e) }, 'workshop material file left in storage');
      }
    }
  }

  /** A file material for an insider; 404 for a link, another workshop's material or a file gone from storage. */
  async open(actor: Actor | null, slug: string, materialId: string): Promise<WorkshopMaterialDownload> {
    const w = await this.insiderWorkshop(actor, slug);
    const material = await this.dataSource.getRepository(WorkshopMaterial).findOne({ where: { id: materialId, workshopId: w.id } });
    if (!material?.fileKey || !material.fileName || !material.fileContentType) throw new WorkshopItemNotFoundError('material');
    let stream: Readable;
    try {
      stream = await this.storage.get(material.fileKey);
    } catch (e) {
      if (!(e instanceof StorageNotFoundError)) throw e;
      this.logger.error({ materialId, key: material.fileKey }, 'workshop material missing from storage');
      throw new WorkshopItemNotFoundError('material');
    }
    return {
      stream,
      headers: {
        'Content-Type': material.fileContentType,
        'Content-Length': String(material.fileSize ?? 0),
        'Content-Disposition': attachmentDisposition(material.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      },
    };
  }

  private async listOf(workshopId: string): Promise<WorkshopMaterialView[]> {
    const rows = await this.dataSource.getRepository(WorkshopMaterial).find({ where: { workshopId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toMaterialView);
  }

  private async checkCommon(workshopId: string, input: { title?: string; language?: string; sessionId?: string | null }): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const title = typeof input.title === 'string' ? input.title.trim() : '';
    if (!title) problems.push({ path: 'title', message: 'is required' });
    else if (title.length > WORKSHOP_OUTCOME_LIMITS.materialTitle) problems.push({ path: 'title', message: `must be at most ${WORKSHOP_OUTCOME_LIMITS.materialTitle} characters` });
    if (!LOCALES.includes(input.language as never)) problems.push({ path: 'language', message: `must be one of: ${LOCALES.join(', ')}` });
    if (input.sessionId) {
      const session = await this.dataSource.manager.findOne(WorkshopSession, { where: { id: input.sessionId, workshopId }, select: { id: true } });
      if (!session) problems.push({ path: 'sessionId', message: 'is not a session of this workshop' });
    }
    return problems;
  }
}
