import { Injectable } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@aula/server/core';
import { StorageNotFoundError, StoragePort, type ListedObject, type StoredObject } from './storage.port';

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,250}$/;

/** Files under DATA_DIR/files, written to a temporary name and renamed into place. */
@Injectable()
export class LocalDiskStorage extends StoragePort {
  private readonly root: string;

  constructor(config: AppConfig) {
    super();
    this.root = resolve(config.DATA_DIR, 'files');
  }

  private path(key: string): string {
    if (!KEY.test(key) || key.includes('..')) throw new Error(`Invalid storage key: ${key}`);
    const full = resolve(this.root, key);
    if (!full.startsWith(this.root + sep)) throw new Error(`Invalid storage key: ${key}`);
    return full;
  }

  async put(key: string, content: Readable | Buffer): Promise<StoredObject> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.part`;
    try {
      // A buffer (a generated PDF) in one write: no stream to set up, and its size is known.
      if (Buffer.isBuffer(content)) await writeFile(temporary, content, { flag: 'wx' });
      else await pipeline(content, createWriteStream(temporary, { flags: 'wx' }));
      await rename(temporary, target);
    } catch (e) {
      await rm(temporary, { force: true });
      throw e;
    }
    return { key, size: Buffer.isBuffer(content) ? content.length : (await stat(target)).size };
  }

  async get(key: string): Promise<Readable> {
    const target = this.path(key);
    if (!(await this.exists(key))) throw new StorageNotFoundError(key);
    return createReadStream(target);
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    if (!prefix.endsWith('/')) throw new Error(`A storage prefix is a folder ending in '/': ${prefix}`);
    const folder = this.path(prefix.slice(0, -1));
    let entries;
    try {
      entries = await readdir(folder, { recursive: true, withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const entry of entries) {
      // `.part` files are puts in progress (or a crash's leftovers): never objects.
      if (!entry.isFile() || entry.name.endsWith('.part')) continue;
      const full = join(entry.parentPath, entry.name);
      const key = relative(this.root, full).split(sep).join('/');
      if (!KEY.test(key)) continue;
      try {
        yield { key, writtenAt: (await stat(full)).mtime };
      } catch {
        // Deleted meanwhile.
      }
    }
  }
}
