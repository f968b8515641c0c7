import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer as readAll } from 'node:stream/consumers';
import { AppConfig } from '@aula/server/core';
import { LocalDiskStorage } from './local-disk.storage';

describe('LocalDiskStorage', () => {
  let dataDir: string;
  let storage: LocalDiskStorage;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'aula-storage-'));
    storage = new LocalDiskStorage(Object.assign(new AppConfig(), { DATA_DIR: dataDir }));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const folder = (key: string) => readdirSync(join(dataDir, 'files', key));

  it('stores a buffer whole under its key, and a second put replaces it without leaving a partial file', async () => {
    const first = Buffer.from('%PDF-1.7 first');
    expect(await storage.put('certificates/e1/1.pdf', first)).toEqual({
      key: 'certificates/e1/1.pdf',
      size: first.length,
    });
    const second = Buffer.from('%PDF-1.7 the retry, longer');
    expect(await storage.put('certificates/e1/1.pdf', second)).toEqual({
      key: 'certificates/e1/1.pdf',
      size: second.length,
    });
    expect(readFileSync(join(dataDir, 'files', 'certificates/e1/1.pdf'))).toEqual(second);
    expect(folder('certificates/e1')).toEqual(['1.pdf']);
    expect(await readAll(await storage.get('certificates/e1/1.pdf'))).toEqual(second);
  });

  it('stores a stream, reporting the size written', async () => {
    const parts = [Buffer.from('part one, '), Buffer.from('part two')];
    expect(await storage.put('uploads/a/b.txt', Readable.from(parts))).toEqual({
      key: 'uploads/a/b.txt',
      size: 18,
    });
    expect(readFileSync(join(dataDir, 'files', 'uploads/a/b.txt'), 'utf8')).toBe('part one, part two');
  });

  it('refuses keys that leave its folder', async () => {
    await expect(storage.put('../outside.pdf', Buffer.from('x'))).rejects.toThrow('Invalid storage key');
    await expect(storage.put('certificates/../../outside.pdf', Buffer.from('x'))).rejects.toThrow(
      'Invalid storage key',
    );
  });

  it('lists the whole objects under a folder with when they were written, not puts in progress', async () => {
    const before = Date.now() - 1000;
    await storage.put('certificate-templates/courses/c1/a.png', Buffer.from('a'));
    await storage.put('certificate-templates/programmes/p1/b.jpg', Buffer.from('b'));
    await storage.put('certificates/e1/1.pdf', Buffer.from('%PDF'));
    writeFileSync(join(dataDir, 'files', 'certificate-templates/courses/c1/c.png.0f0f.part'), 'half');
    const listed = [];
    for await (const o of storage.list('certificate-templates/')) listed.push(o);
    expect(listed.map((o) => o.key).sort()).toEqual([
      'certificate-templates/courses/c1/a.png',
      'certificate-templates/programmes/p1/b.jpg',
    ]);
    for (const o of listed) expect(o.writtenAt.getTime()).toBeGreaterThan(before);
    const none = [];
    for await (const o of storage.list('nothing-here/')) none.push(o);
    expect(none).toEqual([]);
    await expect(storage.list('certificate-templates')[Symbol.asyncIterator]().next()).rejects.toThrow('ending in');
  });
});
