// What the service modules share: the repository's data folders, URLs of services, child
// processes, pid files, TCP probes and cross-process locks.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** An expected failure: its message is meant for people, without a stack trace. */
export class ServiceError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DATA_DIR = path.join(REPO_ROOT, '.data');
// Used instead of DATA_DIR for PostgreSQL when the repository is not reachable by its system user.
export const FALLBACK_DATA_DIR = path.join(
  '/var/lib/aula',
  crypto.createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 16),
);
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
export const PROBE_TIMEOUT_MS = 2000;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function parseServiceUrl(value, variable, fallbackPort) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ServiceError(`${variable} is not a valid URL: ${JSON.stringify(value)}`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
  const protocolPorts = { 'http:': 80, 'https:': 443 };
  const port = url.port ? Number(url.port) : (protocolPorts[url.protocol] ?? fallbackPort);
  return {
    url,
    variable,
    host,
    port,
    isLocal: LOCAL_HOSTS.has(host.toLowerCase()),
    address: host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`,
    // The URL for messages, without its password.
    shown: redact(url),
  };
}

function redact(url) {
  if (!url.password) return url.toString();
  const copy = new URL(url.toString());
  copy.password = '***';
  return copy.toString();
}

/** Addresses a local server listens on, for a URL host. */
export function listenHosts(host) {
  const h = host.toLowerCase();
  if (h === 'localhost') return ['127.0.0.1', '::1'];
  return [h];
}

export function shortPath(p) {
  const rel = path.relative(REPO_ROOT, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

export function childEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // PGDATA, PGPORT, PGHOST… would change what initdb/pg_ctl/postgres do.
    if (!/^PG[A-Z]/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command to completion; never throws. Resolves { code, output }. */
export function run(cmd, args, { timeout = 120_000, env = childEnv(), cwd = '/' } = {}) {
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const add = (chunk) => {
      output += chunk;
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    let child;
    try {
      child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      resolve({ code: -1, output: error.message });
      return;
    }
    const timer = setTimeout(() => {
      add(`\n(${cmd} did not finish within ${Math.round(timeout / 1000)} s)`);
      child.kill('SIGKILL');
    }, timeout);
    child.stdout.on('data', add);
    child.stderr.on('data', add);
    child.on('error', (error) => done({ code: -1, output: `${output}${error.message}` }));
    child.on('close', (code) => done({ code: code ?? -1, output }));
  });
}

export function tail(text, lines = 15) {
  return String(text || '')
    .trim()
    .split('\n')
    .slice(-lines)
    .map((line) => `    ${line}`)
    .join('\n');
}

export function fileTail(file, lines = 15) {
  try {
    return tail(fs.readFileSync(file, 'utf8'), lines);
  } catch {
    return '';
  }
}

export function which(name, extraDirs = []) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return null;
}

/** True while pid runs (a zombie, waiting for its parent to reap it, counts as gone). */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  const stat = procRead(pid, 'stat');
  return !(stat && /\)\s+Z/.test(stat));
}

export function procRead(pid, what) {
  try {
    return fs.readFileSync(`/proc/${pid}/${what}`, 'utf8');
  } catch {
    return null;
  }
}

export function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').split('\n')[0], 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Resolves true when a TCP connection to host:port is accepted. */
export function tcpOpen(host, port, timeout = PROBE_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeout, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** Serialises work on one resource across processes (a lock file under .data/). */
export async function withLock(name, fn, { wait = 600_000 } = {}) {
  fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
  const file = path.join(DATA_DIR, `.${name}.lock`);
  const deadline = Date.now() + wait;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = readPid(file);
      if (holder === null || !isAlive(holder)) {
        try {
          fs.unlinkSync(file); // left behind by a process that is gone
        } catch {
          // someone else removed it first
        }
        continue;
      }
      if (Date.now() > deadline) {
        throw new ServiceError(`timed out waiting for process ${holder} to finish with ${name} (${file})`);
      }
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    try {
      fs.unlinkSync(file);
    } catch {
      // already gone
    }
  }
}

/** Polls probe until it resolves 'up' or ms have passed; resolves its last answer. */
export async function waitFor(probe, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const result = await probe();
    if (result === 'up' || Date.now() > deadline) return result;
    await sleep(150);
  }
}
