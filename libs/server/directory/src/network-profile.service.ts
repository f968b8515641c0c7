import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { EntityManager, Repository } from 'typeorm';
import { DIRECTORY_LIMITS, type MyNetworkProfile, type NetworkProfileInput } from '@aula/contracts';
import { StorageNotFoundError, StoragePort } from '@aula/server/storage';
import { CODE_MESSAGES, isLanguageCode } from './directory-codes';
import { DirectoryFieldError, DirectoryNotFoundError } from './directory.errors';
import { cleanParagraphs, cleanTopics } from './directory-text';
import { toMyNetworkProfile } from './directory.views';
import { MembershipService } from './membership.service';
import { inspectNetworkPhoto, type NetworkPhotoType } from './network-photo.inspector';
import { NetworkProfile } from './network-profile.entity';
import { Region } from './region.entity';

const EXTENSIONS: Record<NetworkPhotoType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};
const TYPES: Record<string, NetworkPhotoType> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

/** Storage keys are ours; the extension records the type the content was found to be. */
const newPhotoKey = (type: NetworkPhotoType) => `directory/photos/${randomUUID()}.${EXTENSIONS[type]}`;

/** A photo ready to send, with the headers that keep it inert and uncached (a withdrawal hides it at once). */
export interface NetworkPhotoDownload {
  stream: Readable;
  headers: Record<string, string>;
}

/**
 * A person's place in the network (their region) and the public profile they may opt in to.
 * Nothing of the profile is shown to anyone else until `published`; withdrawing hides it again in
 * the same statement, for every public answer that follows.
 */
@Injectable()
export class NetworkProfileService {
  private readonly logger = new Logger(NetworkProfileService.name);

  constructor(
    @InjectRepository(NetworkProfile) private readonly profiles: Repository<NetworkProfile>,
    private readonly memberships: MembershipService,
    private readonly storage: StoragePort,
  ) {}

  async get(userId: string): Promise<MyNetworkProfile> {
    return toMyNetworkProfile(await this.profiles.findOne({ where: { userId } }));
  }

  /**
   * Saves the whole profile. `institutionId` must be one of the person's current institutions,
   * `regionId` a region of the directory; topics are tidied and kept once each.
   */
  async save(userId: string, input: NetworkProfileInput): Promise<MyNetworkProfile> {
    if (typeof input.published !== 'boolean')
      throw new DirectoryFieldError('published', 'must be true or false');
    const bio = input.bio === undefined || input.bio === null ? null : cleanParagraphs(input.bio);
    if (bio && bio.length > DIRECTORY_LIMITS.bio)
      throw new DirectoryFieldError('bio', `must be at most ${DIRECTORY_LIMITS.bio} characters`);
    const topics = cleanTopics(input.topics);
    if (topics.length > DIRECTORY_LIMITS.topics)
      throw new DirectoryFieldError('topics', `must list at most ${DIRECTORY_LIMITS.topics} topics`);
    const long = topics.findIndex((t) => t.length > DIRECTORY_LIMITS.topic);
    if (long >= 0)
      throw new DirectoryFieldError(`topics.${long}`, `must be at most ${DIRECTORY_LIMITS.topic} characters`);
    const languages = [...new Set(input.languages ?? [])];
    if (languages.length > DIRECTORY_LIMITS.languages)
      throw new DirectoryFieldError('languages', `must list at most ${DIRECTORY_LIMITS.languages} languages`);
    const badLanguage = languages.findIndex((l) => !isLanguageCode(l));
    if (badLanguage >= 0) throw new DirectoryFieldError(`languages.${badLanguage}`, CODE_MESSAGES.language);

    return this.profiles.manager.transaction(async (em) => {
      const profile = await this.lockedProfile(userId, em);
      const institutionId =
        input.institutionId === undefined ? (profile.institutionId ?? null) : input.institutionId;
      if (
        institutionId &&
        !(await this.memberships.currentInstitutionIds(userId, [institutionId], em)).length
      )
        throw new DirectoryFieldError('institutionId', 'must be one of your current institutions');
      const regionId = input.regionId === undefined ? (profile.regionId ?? null) : input.regionId;
      if (regionId && !(await em.exists(Region, { where: { id: regionId } })))
        throw new DirectoryFieldError('regionId', 'is not a known region');
      const wasPublished = profile.published;
      Object.assign(profile, {
        published: input.published,
        publishedAt: input.published ? (wasPublished ? profile.publishedAt : new Date()) : null,
        bio,
        topics,
        languages,
        institutionId,
        regionId,
        showPhoto: input.showPhoto ?? profile.showPhoto,
      });
      return toMyNetworkProfile(await this.saveProfile(profile, em));
    });
  }

  /** Hides the profile from everyone, at once; what it said is kept for the person to publish again. */
  async withdraw(userId: string): Promise<MyNetworkProfile> {
    await this.profiles.update({ userId }, { published: false, publishedAt: null });
    return this.get(userId);
  }

  /** The person's region in the network (registration and profile forms); kept whether or not the profile is published. */
  async setRegion(userId: string, regionId: string | null, manager?: EntityManager): Promise<void> {
    const em = manager ?? this.profiles.manager;
    if (regionId && !(await em.exists(Region, { where: { id: regionId } })))
      throw new DirectoryFieldError('regionId', 'is not a known region');
    await em.query(
      `INSERT INTO network_profiles (user_id, region_id) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET region_id = EXCLUDED.region_id, updated_at = now()`,
      [userId, regionId],
    );
  }

  /**
   * Stores the photo (a PNG, JPEG or WebP by its content; 415 naming `file` otherwise), replacing
   * the previous one. It shows on the public profile once `showPhoto` is on and the profile published.
   */
  async uploadPhoto(userId: string, content: Buffer): Promise<MyNetworkProfile> {
    const type = inspectNetworkPhoto(content);
    const key = newPhotoKey(type);
    await this.storage.put(key, content);
    let previous: string | null = null;
    try {
      await this.profiles.manager.transaction(async (em) => {
        const profile = await this.lockedProfile(userId, em);
        previous = profile.photoKey ?? null;
        profile.photoKey = key;
        await this.saveProfile(profile, em);
      });
    } catch (e) {
      await this.discard(key);
      throw e;
    }
    if (previous) await this.discard(previous);
    return this.get(userId);
  }

  /** The photo of a published profile that shows one; 404 otherwise (withdrawn, hidden, absent alike). */
  async openPhoto(personId: string): Promise<NetworkPhotoDownload> {
    const [row] = (await this.profiles.query(
      `SELECT p.photo_key AS key FROM network_profiles p JOIN users u ON u.id = p.user_id
        WHERE p.user_id = $1 AND p.published AND p.show_photo AND p.photo_key IS NOT NULL AND u.active`,
      [personId],
    )) as { key: string }[];
    if (!row) throw new DirectoryNotFoundError('photo');
    const type = TYPES[row.key.split('.').pop() ?? ''];
    let stream: Readable;
    try {
      stream = await this.storage.get(row.key);
    } catch (e) {
      if (!(e instanceof StorageNotFoundError) || !type) throw e;
      this.logger.error({ personId, key: row.key }, 'network photo missing from storage');
      throw new DirectoryNotFoundError('photo');
    }
    return {
      stream,
      headers: {
        'Content-Type': type ?? 'application/octet-stream',
        'Content-Disposition': `attachment; filename="photo.${row.key.split('.').pop()}"`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        // Never kept: a withdrawn profile's photo must not show from a cache.
        'Cache-Control': 'no-store',
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
    };
  }

  /** The person's profile row, made (unpublished) if they had none, and locked: two saves at once apply one after the other. */
  private async lockedProfile(userId: string, em: EntityManager): Promise<NetworkProfile> {
    await em.query(`INSERT INTO network_profiles (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`, [
      userId,
    ]);
    return em.findOneOrFail(NetworkProfile, { where: { userId }, lock: { mode: 'pessimistic_write' } });
  }

  private async saveProfile(profile: NetworkProfile, em: EntityManager): Promise<NetworkProfile> {
    return em.save(profile);
  }

  private async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (err) {
      this.logger.warn({ err, key }, 'could not remove a network photo');
    }
  }
}
