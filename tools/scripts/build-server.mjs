// Compiles the server side (API, worker, libraries, database tools) with swc into dist/server.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const { swcConfig, root } = createRequire(import.meta.url)('./swc-config.cjs');

export function buildServer() {
  const config = resolve(root, 'tmp/swc/.swcrc');
  mkdirSync(resolve(root, 'tmp/swc'), { recursive: true });
  writeFileSync(config, JSON.stringify(swcConfig()));
  const swc = resolve(root, 'node_modules/@swc/cli/bin/swc.js');
  const result = spawnSync(
    process.execPath,
    [swc, 'apps/api/src', 'apps/worker/src', 'libs', 'tools/db', 'tools/seed', '-d', 'dist/server', '--config-file', config, '--quiet'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('Compiling the server failed.');
}

if (import.meta.url === `file://${process.argv[1]}`) buildServer();
