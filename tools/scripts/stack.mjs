// Runs the built platform: migrations and demo data, then the API and the worker as child
// processes. Shared by `npm start`, the browser tests and the benchmarks.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const node = process.execPath;

/** Runs a command to completion with the project's Node first on PATH; throws on failure. */
export function run(command, args, { env = process.env, quiet = false } = {}) {
  const result = spawnSync(command === 'node' ? node : command, args, {
    cwd: ROOT,
    env: withProjectPath(env),
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
  }
  return result.stdout;
}

export function withProjectPath(env) {
  return { ...env, PATH: `${resolve(ROOT, 'node_modules/.bin')}:${env.PATH ?? ''}` };
}

/** Compiles the server and builds the web app, compressed (Nx caches it when nothing changed). */
export function buildAll({ quiet = false } = {}) {
  run('node', ['tools/scripts/build-server.mjs'], { quiet });
  run('node', ['node_modules/nx/dist/bin/nx.js', 'run', 'web:precompress', '--output-style=static'], { quiet });
}

export function migrateAndSeed(env, { seed = true, quiet = false } = {}) {
  run('node', ['dist/server/tools/db/cli.js', 'migrate'], { env, quiet });
  if (seed) run('node', ['dist/server/tools/db/cli.js', 'seed'], { env, quiet });
}

/**
 * Starts the API and the worker. Resolves once the API reports ready; `stop()` ends both.
 * `output`: 'inherit' shows their logs, 'ignore' hides them, or a writable stream.
 */
export async function startPlatform(env, { output = 'inherit', port } = {}) {
  const children = [
    ['api', [], 'dist/server/apps/api/src/main.js'],
    ['worker', [], 'dist/server/apps/worker/src/main.js'],
  ].map(([name, flags, entry]) => {
    const child = spawn(node, [...flags, '--enable-source-maps', entry], {
      cwd: ROOT,
      env: withProjectPath(env),
      stdio: ['ignore', typeof output === 'string' ? output : 'pipe', typeof output === 'string' ? output : 'pipe'],
    });
    if (typeof output !== 'string') {
      child.stdout.pipe(output, { end: false });
      child.stderr.pipe(output, { end: false });
    }
    child.name = name;
    return child;
  });
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
  };
  const url = `http://127.0.0.1:${port ?? env.PORT ?? 3000}/api/health/ready`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const dead = children.find((c) => c.exitCode !== null);
    if (dead) {
      await stop();
      throw new Error(`The ${dead.name} stopped while starting (exit ${dead.exitCode}).`);
    }
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not become ready at ${url} within a minute.`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { children, stop };
}
