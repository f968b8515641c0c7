import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Need, Stage } from './provision.mjs';

/** `npm test` finds what its stages need from the system, installs it as root, or names it in one message. */
describe('test provisioning', () => {
  const load = () => import('./provision.mjs');
  const urls = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/aula',
    REDIS_URL: 'redis://127.0.0.1:6379/1',
  };
  const without =
    (...missing: string[]) =>
    (need: Need) =>
      !missing.includes(need.pkg);
  const asked = async (stages: Stage[]) => {
    const { missingNeeds } = await load();
    const seen: string[] = [];
    await missingNeeds(stages, urls, {
      present: (need) => {
        seen.push(need.pkg);
        return true;
      },
    });
    return seen;
  };

  it('checks only what the chosen stages need', async () => {
    expect(await asked(['static'])).toEqual(['postgresql', 'redis-server']);
    expect(await asked(['jest'])).toEqual([
      'postgresql',
      'redis-server',
      'qpdf',
      'poppler-utils',
      'faketime',
      'fonts-noto-core',
      'fonts-noto-cjk',
    ]);
    expect(await asked(['e2e'])).toEqual([
      'postgresql',
      'redis-server',
      'chromium',
      'fonts-noto-core',
      'fonts-noto-cjk',
    ]);
    // `npm start`: the fonts the worker prints certificates with.
    expect(await asked(['start'])).toEqual(['fonts-noto-core', 'fonts-noto-cjk']);
  });

  it('reports the missing packages of the chosen stages only', async () => {
    const { missingNeeds } = await load();
    const present = without('qpdf', 'faketime', 'chromium');
    expect((await missingNeeds(['jest'], urls, { present })).map((n) => n.pkg)).toEqual(['qpdf', 'faketime']);
    expect((await missingNeeds(['static'], urls, { present })).map((n) => n.pkg)).toEqual([]);
  });

  it('stops someone who is not root with one message naming the apt-get command, installing nothing', async () => {
    const { provision } = await load();
    const install = jest.fn();
    const run = provision(['jest', 'e2e'], urls, {
      isRoot: false,
      present: without('postgresql', 'poppler-utils', 'fonts-noto-cjk'),
      install,
      log: () => undefined,
    });
    await expect(run).rejects.toMatchObject({
      name: 'ServiceError',
      message:
        'the tests need system packages that are not installed: postgresql poppler-utils fonts-noto-cjk. ' +
        'Install them (sudo apt-get install -y postgresql poppler-utils fonts-noto-cjk) and run npm test again.',
    });
    expect(install).not.toHaveBeenCalled();
  });

  it('tells someone starting Aula to run npm start again', async () => {
    const { provision } = await load();
    await expect(
      provision(['start'], urls, {
        isRoot: false,
        present: without('fonts-noto-core'),
        install: jest.fn(),
        log: () => undefined,
        command: 'npm start',
      }),
    ).rejects.toThrow(
      'npm start needs system packages that are not installed: fonts-noto-core. ' +
        'Install them (sudo apt-get install -y fonts-noto-core) and run npm start again.',
    );
  });

  it('as root installs the missing tools without recommends, leaving the servers to ensureServices', async () => {
    const { provision } = await load();
    let missing = ['redis-server', 'qpdf', 'chromium'];
    const install = jest.fn(async (packages: string[]) => {
      missing = missing.filter((pkg) => !packages.includes(pkg));
    });
    const lines: string[] = [];
    const installed = await provision(['jest', 'e2e'], urls, {
      isRoot: true,
      canInstall: () => true,
      present: (need) => !missing.includes(need.pkg),
      install,
      log: (line) => lines.push(line),
    });
    expect(installed).toEqual(['qpdf', 'chromium']);
    expect(install).toHaveBeenCalledTimes(1);
    expect(install).toHaveBeenCalledWith(['qpdf', 'chromium'], { recommends: false });
    expect(lines).toEqual([
      'system packages: installing qpdf chromium with apt-get',
      'system packages: installed qpdf chromium',
    ]);
  });

  it('as root fails when a package it installed is still not found', async () => {
    const { provision } = await load();
    await expect(
      provision(['e2e'], urls, {
        isRoot: true,
        canInstall: () => true,
        present: without('chromium'),
        install: jest.fn().mockResolvedValue(undefined),
        log: () => undefined,
      }),
    ).rejects.toThrow('installed chromium, but the tests still do not find chromium');
  });

  it('as root without apt-get names what is missing instead of installing', async () => {
    const { provision } = await load();
    const install = jest.fn();
    await expect(
      provision(['jest'], urls, { isRoot: true, canInstall: () => false, present: without('qpdf'), install }),
    ).rejects.toThrow('not installed: qpdf, and apt-get is not available');
    expect(install).not.toHaveBeenCalled();
  });

  it('says all present and installs nothing when nothing is missing', async () => {
    const { provision } = await load();
    const install = jest.fn();
    const lines: string[] = [];
    expect(
      await provision(['e2e'], urls, {
        isRoot: true,
        present: () => true,
        install,
        log: (l) => lines.push(l),
      }),
    ).toEqual([]);
    expect(install).not.toHaveBeenCalled();
    expect(lines).toEqual([
      'system packages: all present (postgresql redis-server chromium fonts-noto-core fonts-noto-cjk)',
    ]);
  });

  describe('Chromium', () => {
    let dir: string;
    const saved = process.env['CHROMIUM_PATH'];
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'aula-chromium-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
      if (saved === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = saved;
    });

    it('is the executable CHROMIUM_PATH names, as the browser journeys use it', async () => {
      const { NEEDS } = await load();
      const chromium = NEEDS.find((n) => n.pkg === 'chromium') as Need;
      const file = join(dir, 'chromium');
      writeFileSync(file, '#!/bin/sh\n');
      process.env['CHROMIUM_PATH'] = file;
      expect(await chromium.present(urls)).toBe(false); // not executable
      chmodSync(file, 0o755);
      expect(await chromium.present(urls)).toBe(true);
    });

    it('stops the browser journeys when CHROMIUM_PATH names no executable, since installing would not help', async () => {
      const { provision } = await load();
      process.env['CHROMIUM_PATH'] = join(dir, 'nowhere');
      await expect(
        provision(['e2e'], urls, { isRoot: true, present: () => true, install: jest.fn() }),
      ).rejects.toThrow(`CHROMIUM_PATH=${join(dir, 'nowhere')} is not an executable file`);
      expect(await provision(['jest'], urls, { present: () => true, log: () => undefined })).toEqual([]);
    });
  });
});
