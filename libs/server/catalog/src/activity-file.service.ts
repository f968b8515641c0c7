import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Repository, type EntityManager } from 'typeorm';
import type { ActivityAdminView, StoredFileView } from '@aula/contracts';
import { attachmentDisposition } from '@aula/server/core';
import { StorageNotFoundError, StoragePort } from '@aula/server/storage';
import { Activity } from './activity.entity';
import { inspectActivityFile } from './activity-file.inspector';
import { CatalogNotFoundError, WrongActivityKindError } from './catalog.errors';
import { toActivityAdminView, toStoredFileView } from './catalog.views';

/** An activity's file ready to send: the content and the headers that keep it inert in a browser. */
export interface ActivityFileDownload {
  stream: Readable;
  file: StoredFileView;
  /**
   * Content-Type (decided at upload from the bytes), Content-Length, Content-Disposition
   * attachment (RFC 5987 `filename*` for non-ASCII names), `nosniff`, a sandboxing CSP and
   * `private, no-store` caching. Set them all on the response.
   */
  headers: Record<string, string>;
}

/**
 * Files another domain keeps per activity (assignment submissions, feedback files), registered
 * with {@link ActivityFileService.registerOwner} by a domain this one may not import. Asked inside
 * the transaction that deletes the activities; the files are removed once it has committed.
 */
export interface ActivityFileOwner {
  /** A short name (`assignment-submissions`); registering the same name again replaces it. */
  name: string;
  keys(em: EntityManager, activityIds: string[]): Promise<string[]>;
}

/** Storage keys are ours: never derived from a file name. */
const newFileKey = () => `catalog/activity-files/${randomUUID()}`;

/** Files of `file` activities: checked by content on upload, stored through the storage port, served as attachments. */
@Injectable()
export class ActivityFileService {
  private readonly logger = new Logger(ActivityFileService.name);

  private readonly owners = new Map<string, ActivityFileOwner>();

  constructor(
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    private readonly storage: StoragePort,
  ) {}

  registerOwner(owner: ActivityFileOwner): void {
    this.owners.set(owner.name, owner);
  }

  /** Every stored file of these activities: their own, and those other domains keep for them. */
  async keysOf(em: EntityManager, activities: Pick<Activity, 'id' | 'fileKey'>[]): Promise<string[]> {
    const ids = activities.map((a) => a.id);
    const keys = activities.map((a) => a.fileKey).filter((k): k is string => !!k);
    if (ids.length === 0) return keys;
    for (const owner of this.owners.values()) keys.push(...(await owner.keys(em, ids)));
    return keys;
  }

  /**
   * Stores `content` as the file of a `file` activity, replacing any previous one. 404 for an
   * unknown activity, 409 for another kind, 415 naming `file` for content that is not accepted.
   */
  async attach(activityId: string, content: Buffer, originalName: string): Promise<ActivityAdminView> {
    const activity = await this.activities.findOne({ where: { id: activityId } });
    if (!activity) throw new CatalogNotFoundError('activity');
    if (activity.kind !== 'file')
      throw new WrongActivityKindError(`Only file activities take a file; this one is a ${activity.kind}.`);
    const inspected = await inspectActivityFile(content, originalName);

    const key = newFileKey();
    const stored = await this.storage.put(key, content);
    let previousKey: string | null = null;
    try {
      const saved = await this.activities.manager.transaction(async (em) => {
        // Locked, so two uploads at once each remove exactly the file they replaced.
        const row = await em.findOne(Activity, {
          where: { id: activityId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!row) throw new CatalogNotFoundError('activity');
        previousKey = row.fileKey;
        Object.assign(row, {
          fileKey: key,
          fileName: inspected.name,
          fileContentType: inspected.contentType,
          fileSize: stored.size,
        });
        return em.save(row);
      });
      if (previousKey) await this.discard([previousKey]);
      return toActivityAdminView(saved);
    } catch (e) {
      await this.discard([key]);
      throw e;
    }
  }

  /**
   * Opens the file of an activity (entity or id) for sending. No access check: learners' routes
   * decide first whether the reader may have it. 404 when the activity or its file is absent.
   */
  async open(activityOrId: Activity | string): Promise<ActivityFileDownload> {
    const activity =
      typeof activityOrId === 'string'
        ? await this.activities.findOne({ where: { id: activityOrId } })
        : activityOrId;
    if (!activity) throw new CatalogNotFoundError('activity');
    const file = toStoredFileView(activity);
    if (!activity.fileKey || !file) throw new CatalogNotFoundError('file');
    let stream: Readable;
    try {
      stream = await this.storage.get(activity.fileKey);
    } catch (e) {
      if (!(e instanceof StorageNotFoundError)) throw e;
      this.logger.error(
        { activityId: activity.id, key: activity.fileKey },
        'activity file missing from storage',
      );
      throw new CatalogNotFoundError('file');
    }
    return {
      stream,
      file,
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.size),
        'Content-Disposition': attachmentDisposition(file.name),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      },
    };
  }

  /** Copies a stored file under a new key (for duplicated courses); null when the original is gone. */
  async copy(key: string): Promise<string | null> {
    let source: Readable;
    try {
      source = await this.storage.get(key);
    } catch (e) {
      if (!(e instanceof StorageNotFoundError)) throw e;
      this.logger.warn({ key }, 'activity file missing from storage; the copy has no file');
      return null;
    }
    const copyKey = newFileKey();
    await this.storage.put(copyKey, source);
    return copyKey;
  }

  /** Removes stored files no row points to any more. Best effort: a failure is logged, not thrown. */
  async discard(keys: (string | null | undefined)[]): Promise<void> {
    for (const key of keys) {
      if (!key) continue;
      try {
        await this.storage.delete(key);
      } catch (err) {
        this.logger.warn({ err, key }, 'could not remove an activity file');
      }
    }
  }
}
