// Child processes of a benchmark run, each pinned to one core with `taskset`, and the clean-up
// that ends them (and whatever else was registered) on success, failure, Ctrl-C or SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
export const NODE = process.execPath;

const children = new Set();
const cleanups = []; // async functions, run last-registered first

/** Registers work for the end of the run (drop a database, stop services...). */
export function atCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

let cleaning = null;
/** Ends every child still running, then runs the registered clean-ups; calls while one runs share it. */
export function cleanup() {
  cleaning ??= (async () => {
    await Promise.all([...children].map((child) => stopChild(child)));
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(`bench: clean-up step failed: ${error?.message ?? error}`);
      }
    }
  })().finally(() => {
    cleaning = null; // the next group of scenarios registers its own
  });
  return cleaning;
}

let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (signalled) return; // a second Ctrl-C while cleaning up: keep cleaning
    signalled = true;
    console.error(`\nbench: ${signal}: stopping what this run started…`);
    cleanup().finally(() => process.exit(130));
  });
}
// Last resort if the process exits without cleaning up (a thrown error past every handler).
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export function stopChild(child, graceMs = 5000) {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}

/**
 * Starts `node args…` under `taskset -c core` (taskset execs node, so the child's pid is node's).
 * Output goes to logFile when given, else is kept (last 20 kB) in child.output.
 */
export function spawnPinned(core, args, { env, logFile, name } = {}) {
  const child = spawn('taskset', ['-c', String(core), NODE, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.name = name ?? args[0];
  child.output = '';
  const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
  const keep = (chunk) => {
    child.output = (child.output + chunk).slice(-20_000);
    log?.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  children.add(child);
  child.once('exit', () => {
    children.delete(child);
    log?.end();
  });
  child.once('error', (error) => keep(`\n${error.message}\n`));
  return child;
}

/** Runs `node args…` pinned to a core to completion; resolves its stdout (rejects on failure). */
export function runPinned(core, args, { env = process.env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawnPinned(core, args, { env });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(stdout);
      else reject(new Error(`${args.join(' ')} failed (${code ?? signal}):\n${child.output.slice(-3000)}`));
    });
  });
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** Waits until GET url answers 2xx; fails early when the child exits. */
export async function waitReady(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `${child.name} stopped while starting (${child.exitCode ?? child.signalCode}):\n${child.output.slice(-3000)}`,
      );
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${child.name} was not ready at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
