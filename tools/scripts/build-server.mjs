// Compiles the server side (API, worker, libraries, database tools) with swc into dist/server.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
export function buildServer() {
  const swc = resolve(root, 'node_modules/@swc/cli/bin/swc.js');
  const result = spawnSync(
    process.execPath,
    [swc, 'apps/api/src', 'apps/worker/src', 'libs', 'tools/db', 'tools/seed', '-d', 'dist/server', '--config-file', '.swcrc', '--quiet'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('Compiling the server failed.');
}

if (import.meta.url === `file://${process.argv[1]}`) buildServer();
