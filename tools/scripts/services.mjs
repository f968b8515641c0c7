#!/usr/bin/env node
// Local backing services for `npm start` and `npm test`: PostgreSQL, Redis and an SMTP server
// with a web inbox (maildev).
//
// The servers at the configured URLs are used when they answer. When nothing answers and the URL
// points at this machine, local servers are started from the system's packages (installed with
// apt-get when missing and running as root), with their data under the git-ignored `.data/`.
//
//   node tools/scripts/services.mjs up      ensure PostgreSQL, Redis and maildev; maildev stays in
//                                           the foreground until Ctrl-C, PostgreSQL/Redis keep running
//   node tools/scripts/services.mjs down    stop the local PostgreSQL/Redis servers under the data folders
//   node tools/scripts/services.mjs status  what answers at the configured URLs, and the local servers
//
// URLs come from DATABASE_URL, REDIS_URL, SMTP_URL and MAIL_WEB_URL, else DEFAULTS.
//
// Plain Node ESM (no TypeScript): it runs before anything is built.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Redis from 'ioredis';

export const DEFAULTS = {
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/aula',
  redisUrl: 'redis://127.0.0.1:6379',
  smtpUrl: 'smtp://127.0.0.1:1025',
  mailWebUrl: 'http://127.0.0.1:1080',
};

/** An expected failure: its message is meant for people, without a stack trace. */
export class ServiceError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ServiceError';
  }
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA_DIR = path.join(REPO_ROOT, '.data');
// Used instead of DATA_DIR for PostgreSQL when the repository is not reachable by PG_SYSTEM_USER.
const FALLBACK_DATA_DIR = path.join(
  '/var/lib/aula',
  crypto.createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 16),
);
const PG_SYSTEM_USER = 'aula-pg';
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const PROBE_TIMEOUT_MS = 2000;

// ---------------------------------------------------------------------------------------------
// small helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function parseServiceUrl(value, variable, fallbackPort) {
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
function listenHosts(host) {
  const h = host.toLowerCase();
  if (h === 'localhost') return ['127.0.0.1', '::1'];
  return [h];
}

function shortPath(p) {
  const rel = path.relative(REPO_ROOT, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function childEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // PGDATA, PGPORT, PGHOST… would change what initdb/pg_ctl/postgres do.
    if (!/^PG[A-Z]/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command to completion; never throws. Resolves { code, output }. */
function run(cmd, args, { timeout = 120_000, env = childEnv(), cwd = '/' } = {}) {
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

function tail(text, lines = 15) {
  return String(text || '')
    .trim()
    .split('\n')
    .slice(-lines)
    .map((line) => `    ${line}`)
    .join('\n');
}

function fileTail(file, lines = 15) {
  try {
    return tail(fs.readFileSync(file, 'utf8'), lines);
  } catch {
    return '';
  }
}

function which(name, extraDirs = []) {
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
function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  const stat = procRead(pid, 'stat');
  return !(stat && /\)\s+Z/.test(stat));
}

function procRead(pid, what) {
  try {
    return fs.readFileSync(`/proc/${pid}/${what}`, 'utf8');
  } catch {
    return null;
  }
}

function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').split('\n')[0], 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Resolves true when a TCP connection to host:port is accepted. */
function tcpOpen(host, port, timeout = PROBE_TIMEOUT_MS) {
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
async function withLock(name, fn, { wait = 600_000 } = {}) {
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

// ---------------------------------------------------------------------------------------------
// installing from the system's packages

let aptQueue = Promise.resolve();
let aptUpdated = false;

function aptInstall(packages, what, variable, log) {
  const job = aptQueue.then(() => aptInstallNow(packages, what, variable, log));
  aptQueue = job.catch(() => {});
  return job;
}

async function aptInstallNow(packages, what, variable, log) {
  const list = packages.join(' ');
  if (!IS_ROOT) {
    throw new ServiceError(
      `${what} is not installed, and only root can install it here. Install it (sudo apt-get install -y ${list}) ` +
        `or point ${variable} at a running server.`,
    );
  }
  if (!which('apt-get', ['/usr/bin'])) {
    throw new ServiceError(
      `${what} is not installed and apt-get is not available; install ${what} or point ${variable} at a running server.`,
    );
  }
  log(`${what}: not installed; installing ${list} with apt-get`);
  const env = childEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  if (!aptUpdated) {
    const update = await run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update'], {
      env,
      timeout: 600_000,
    });
    if (update.code !== 0) throw new ServiceError(`apt-get update failed:\n${tail(update.output)}`);
    aptUpdated = true;
  }
  // Keep the packages' own scripts from starting their services (a Debian PostgreSQL cluster or
  // Redis on the default port): we start our own on the configured ports.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !fs.existsSync(policy);
  if (ownPolicy)
    fs.writeFileSync(
      policy,
      '#!/bin/sh\n# written by aula tools/scripts/services.mjs during apt-get install\nexit 101\n',
      { mode: 0o755 },
    );
  try {
    const install = await run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', ...packages], {
      env,
      timeout: 1_200_000,
    });
    if (install.code !== 0)
      throw new ServiceError(`apt-get install ${list} failed:\n${tail(install.output)}`);
  } finally {
    if (ownPolicy) fs.rmSync(policy, { force: true });
  }
  log(`${what}: installed ${list}`);
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

function pgClient(connectionString, queryTimeout = PROBE_TIMEOUT_MS) {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: queryTimeout,
  });
  client.on('error', () => {}); // errors after connect surface through the queries
  return client;
}

function isServerError(error) {
  return typeof error?.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code);
}

/** 'up' | 'starting' | 'down' | { error } (the server answered with an error, e.g. bad password). */
async function pgProbe(connectionString) {
  const client = pgClient(connectionString);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'up';
  } catch (error) {
    if (error?.code === '3D000') return 'up'; // the server answers; the database is created later
    if (error?.code === '57P03') return 'starting';
    if (isServerError(error)) return { error };
    return 'down';
  } finally {
    client.end().catch(() => {});
  }
}

function maintenanceUrl(databaseUrl, database = 'postgres') {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function databaseName(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return name || decodeURIComponent(url.username) || 'postgres';
}

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

/** Runs fn(client) on the maintenance database of the server in databaseUrl. */
async function withMaintenanceClient(databaseUrl, fn) {
  const target = databaseName(databaseUrl);
  const candidates = target === 'postgres' ? ['template1'] : ['postgres', 'template1'];
  let lastError;
  for (const database of candidates) {
    // CREATE/DROP DATABASE can take a while on a busy server.
    const client = pgClient(maintenanceUrl(databaseUrl, database), 60_000);
    try {
      await client.connect();
    } catch (error) {
      client.end().catch(() => {});
      lastError = error;
      if (error?.code === '3D000') continue; // no `postgres` database on this server: try template1
      break;
    }
    try {
      return await fn(client, target);
    } finally {
      await client.end().catch(() => {});
    }
  }
  const where = parseServiceUrl(databaseUrl, 'DATABASE_URL', 5432).address;
  throw new ServiceError(
    `PostgreSQL at ${where}: could not connect to its maintenance database: ${lastError?.message ?? lastError}`,
  );
}

/** CREATE DATABASE when the database named in databaseUrl is missing. Resolves true when it created it. */
export async function createDatabase(databaseUrl) {
  return withMaintenanceClient(databaseUrl, async (client, name) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount > 0) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (error) {
      // 42P04: created meanwhile by someone else; 23505: the same race, seen in pg_database's index
      if (error?.code === '42P04' || error?.code === '23505') return false;
      throw new ServiceError(`PostgreSQL: could not create database ${name}: ${error.message}`);
    }
  });
}

/** DROP DATABASE IF EXISTS … WITH (FORCE) for the database named in databaseUrl. */
export async function dropDatabase(databaseUrl) {
  return withMaintenanceClient(databaseUrl, async (client, name) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } catch (error) {
      throw new ServiceError(`PostgreSQL: could not drop database ${name}: ${error.message}`);
    }
  });
}

/** The newest PostgreSQL server bin dir under /usr/lib/postgresql (or the one for `version`). */
function findPgBinDir(version) {
  const root = '/usr/lib/postgresql';
  let versions;
  try {
    versions = fs.readdirSync(root);
  } catch {
    return null;
  }
  versions = versions
    .filter((v) => (version ? v === String(version) : true))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

function userInfo(name) {
  return run('getent', ['passwd', name]).then(({ code, output }) => {
    if (code !== 0) return null;
    const [, , uid, gid] = output.trim().split(':');
    return { name, uid: Number(uid), gid: Number(gid) };
  });
}

/** The unprivileged system user that runs PostgreSQL when we are root (created when missing). */
async function ensureSystemUser(name) {
  let info = await userInfo(name);
  if (info) return info;
  const added = await run('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    '--comment',
    'Aula local PostgreSQL',
    name,
  ]);
  info = await userInfo(name);
  if (!info) throw new ServiceError(`could not create system user ${name}:\n${tail(added.output)}`);
  return info;
}

/** argv to run a command as `owner` (null: as ourselves). */
function asUser(owner, cmd, args) {
  return owner ? ['runuser', ['-u', owner.name, '--', cmd, ...args]] : [cmd, args];
}

async function canReach(owner, dir) {
  const [cmd, args] = asUser(owner, '/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir]);
  return (await run(cmd, args)).code === 0;
}

/** Where PostgreSQL data folders live for this run: { base, owner }. */
async function pgDataBase(log) {
  fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
  if (!IS_ROOT) return { base: DATA_DIR, owner: null };
  const owner = await ensureSystemUser(PG_SYSTEM_USER);
  // .data/ only holds per-server folders with their own modes: let the system user through it
  // (a umask of 077 would otherwise have made it private).
  const mode = fs.statSync(DATA_DIR).mode & 0o777;
  if ((mode & 0o011) !== 0o011) fs.chmodSync(DATA_DIR, mode | 0o011);
  if (await canReach(owner, DATA_DIR)) return { base: DATA_DIR, owner };
  fs.mkdirSync('/var/lib/aula', { recursive: true, mode: 0o755 });
  fs.mkdirSync(FALLBACK_DATA_DIR, { recursive: true, mode: 0o755 });
  fs.chmodSync('/var/lib/aula', 0o755);
  fs.chmodSync(FALLBACK_DATA_DIR, 0o755);
  log(
    `PostgreSQL: ${shortPath(DATA_DIR)}/ is not reachable by system user ${PG_SYSTEM_USER} (a parent folder is private); ` +
      `keeping its data in ${FALLBACK_DATA_DIR} instead`,
  );
  return { base: FALLBACK_DATA_DIR, owner };
}

/** True when postmaster.pid in dataDir names a live postmaster of that data folder. */
function postmasterRunning(dataDir) {
  const pid = readPid(path.join(dataDir, 'postmaster.pid'));
  if (pid === null || !isAlive(pid)) return null;
  const comm = procRead(pid, 'comm');
  if (comm !== null && !/^(postgres|postmaster)/.test(comm.trim())) return null;
  try {
    if (fs.realpathSync(`/proc/${pid}/cwd`) !== fs.realpathSync(dataDir)) return null; // a reused pid
  } catch {
    // not allowed to look: trust the name
  }
  return pid;
}

/** Removes the lock files of a server of dataDir that is gone (postgres would refuse to start). */
function removeStalePostmasterPid(dataDir, log) {
  if (postmasterRunning(dataDir)) return;
  const file = path.join(dataDir, 'postmaster.pid');
  // The socket lock names the old pid too, and postgres can't tell a zombie from a live server.
  for (const name of fs.readdirSync(dataDir)) {
    if (name.startsWith('.s.PGSQL.')) fs.rmSync(path.join(dataDir, name), { force: true });
  }
  if (!fs.existsSync(file)) return;
  fs.rmSync(file, { force: true });
  log(`PostgreSQL: removed a stale postmaster.pid from ${shortPath(dataDir)}`);
}

function chownTo(owner, file) {
  if (owner) fs.chownSync(file, owner.uid, owner.gid);
}

/** Settings for the configured host/port; rewritten on every start. */
function writePgSettings(dataDir, owner, host, port) {
  const q = (value) => `'${String(value).replace(/'/g, "''")}'`;
  const socketPath = path.join(dataDir, `.s.PGSQL.${port}`);
  // Unix socket paths are limited to 107 bytes; a deep checkout gets TCP only.
  const socketDirs = Buffer.byteLength(socketPath) <= 100 ? `"${dataDir.replace(/"/g, '')}"` : '';
  const conf = [
    '# Written by tools/scripts/services.mjs at every start; edits are overwritten.',
    `port = ${port}`,
    `listen_addresses = ${q(listenHosts(host).join(','))}`,
    `unix_socket_directories = ${q(socketDirs)}`,
    '',
  ].join('\n');
  const confFile = path.join(dataDir, 'aula.conf');
  fs.writeFileSync(confFile, conf, { mode: 0o600 });
  chownTo(owner, confFile);
  const main = path.join(dataDir, 'postgresql.conf');
  const include = "include_if_exists = 'aula.conf'";
  if (!fs.readFileSync(main, 'utf8').includes(include)) fs.appendFileSync(main, `\n${include}\n`);
}

async function pgCtl(owner, bin, args, timeout = 120_000) {
  const [cmd, argv] = asUser(owner, path.join(bin, 'pg_ctl'), args);
  return run(cmd, argv, { timeout });
}

/** After apt-get installed PostgreSQL: a cluster that Debian started on our port is stopped. */
async function stopDebianClusterOn(port, log) {
  if (!which('pg_lsclusters', ['/usr/bin'])) return;
  const { code, output } = await run('pg_lsclusters', ['--no-header']);
  if (code !== 0) return;
  for (const line of output.split('\n')) {
    const [version, name, clusterPort, status] = line.trim().split(/\s+/);
    if (Number(clusterPort) === port && /online/.test(status || '')) {
      await run('pg_ctlcluster', [version, name, 'stop']);
      log(
        `PostgreSQL: stopped the Debian cluster ${version}/${name} that the package started on port ${port}`,
      );
    }
  }
}

async function waitFor(probe, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const result = await probe();
    if (result === 'up' || Date.now() > deadline) return result;
    await sleep(150);
  }
}

async function startLocalPostgres(target, databaseUrl, log) {
  const { host, port, url, variable } = target;
  const superuser = decodeURIComponent(url.username) || 'postgres';
  let bin = findPgBinDir();
  if (!bin) {
    await aptInstall(['postgresql'], 'PostgreSQL', variable, log);
    bin = findPgBinDir();
    if (!bin)
      throw new ServiceError(
        'PostgreSQL: installed the postgresql package but found no server under /usr/lib/postgresql/<version>/bin',
      );
    await stopDebianClusterOn(port, log);
  }

  const { base, owner } = await pgDataBase(log);
  const dataDir = path.join(base, `postgres-${port}`);
  const shown = shortPath(dataDir);
  const versionFile = path.join(dataDir, 'PG_VERSION');

  if (fs.existsSync(versionFile)) {
    const version = fs.readFileSync(versionFile, 'utf8').trim();
    bin = findPgBinDir(version);
    if (!bin) {
      throw new ServiceError(
        `PostgreSQL: ${shown} was created by PostgreSQL ${version}, which is not installed here; ` +
          `install postgresql-${version} or remove ${shown} (its data is lost) to start afresh.`,
      );
    }
    const stat = fs.statSync(dataDir);
    if (owner && stat.uid !== owner.uid) {
      await run('chown', ['-R', `${owner.uid}:${owner.gid}`, dataDir]);
      log(`PostgreSQL: gave ${shown} to system user ${owner.name}`);
    } else if (!owner && stat.uid !== process.getuid()) {
      throw new ServiceError(
        `PostgreSQL: ${shown} belongs to another user (uid ${stat.uid}); run as that user or as root, or remove ${shown}.`,
      );
    }
  } else {
    // No cluster yet (or the leftovers of an initdb that did not finish): start afresh.
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chownTo(owner, dataDir);
    fs.chmodSync(dataDir, 0o700);
    const locale = fs.existsSync('/usr/lib/locale/C.utf8') ? ['--locale=C.UTF-8'] : ['--no-locale'];
    const [cmd, argv] = asUser(owner, path.join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      superuser,
      '--auth=trust',
      '-E',
      'UTF8',
      ...locale,
      '--no-sync',
      '--no-instructions',
    ]);
    const init = await run(cmd, argv, { timeout: 300_000 });
    if (init.code !== 0) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new ServiceError(`PostgreSQL: initdb failed for ${shown}:\n${tail(init.output)}`);
    }
    log(
      `PostgreSQL: created a new cluster in ${shown} (superuser ${superuser}, trust auth${owner ? `, owned by system user ${owner.name}` : ''})`,
    );
  }

  writePgSettings(dataDir, owner, host, port);
  const logFile = path.join(dataDir, 'server.log');
  if (postmasterRunning(dataDir)) {
    // A server of this folder is running (maybe still starting): give it a moment to answer.
    if ((await waitFor(() => pgProbe(databaseUrl), 15_000)) !== 'up') {
      throw new ServiceError(
        `PostgreSQL: a server is running on ${shown} but does not answer at ${target.address}; ` +
          `stop it (node tools/scripts/services.mjs down) and try again. Its log: ${logFile}`,
      );
    }
    log(`PostgreSQL: using the local server already running on ${shown} at ${target.address}`);
    return null;
  }
  removeStalePostmasterPid(dataDir, log);
  const start = await pgCtl(owner, bin, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '90', '-s']);
  if (start.code !== 0) {
    throw new ServiceError(
      `PostgreSQL: could not start a local server on ${target.address} (data in ${shown}):\n${tail(start.output, 5)}\n  ${logFile}:\n${fileTail(logFile)}`,
    );
  }
  const state = await waitFor(() => pgProbe(databaseUrl), 30_000);
  if (state !== 'up') {
    await pgCtl(owner, bin, ['stop', '-D', dataDir, '-m', 'fast', '-w']);
    const why = typeof state === 'object' ? `: ${state.error.message}` : '';
    throw new ServiceError(
      `PostgreSQL: the local server on ${target.address} started but does not answer${why}\n${fileTail(logFile)}`,
    );
  }
  log(`PostgreSQL: nothing answered at ${target.address}; started a local server (data in ${shown})`);
  if (owner)
    log(`PostgreSQL: the local server runs as system user ${owner.name}; its log is ${shortPath(logFile)}`);
  return async () => {
    await stopPostgresDir(dataDir);
  };
}

/** Stops the server of a data folder (as the folder's owner). Resolves true when it stopped one. */
async function stopPostgresDir(dataDir) {
  if (!postmasterRunning(dataDir)) {
    fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
    return false;
  }
  let version = '';
  try {
    version = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
  } catch {
    // fall back to any installed version
  }
  const bin = findPgBinDir(version) || findPgBinDir();
  let owner = null;
  if (IS_ROOT) {
    const uid = fs.statSync(dataDir).uid;
    if (uid !== 0) {
      const { code, output } = await run('id', ['-nu', String(uid)]);
      if (code === 0) owner = { name: output.trim() };
    }
  }
  if (bin) {
    const stop = await pgCtl(owner, bin, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60']);
    if (stop.code === 0) return true;
  }
  const pid = postmasterRunning(dataDir);
  if (pid) {
    process.kill(pid, 'SIGINT'); // "fast" shutdown
    const deadline = Date.now() + 30_000;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid))
      throw new ServiceError(`PostgreSQL: the server of ${shortPath(dataDir)} (pid ${pid}) did not stop`);
  }
  return true;
}

async function ensurePostgres(databaseUrl, log) {
  const target = parseServiceUrl(databaseUrl, 'DATABASE_URL', 5432);
  const refused = (state) =>
    new ServiceError(
      `PostgreSQL at ${target.address} (DATABASE_URL=${target.shown}) refused the connection: ${state.error.message}`,
    );
  let state = await pgProbe(databaseUrl);
  if (state === 'starting') state = await waitFor(() => pgProbe(databaseUrl), 30_000);
  if (typeof state === 'object') throw refused(state);
  let stop = null;
  if (state === 'up') {
    log(`PostgreSQL: using the server at ${target.address}`);
  } else {
    if (!target.isLocal) {
      throw new ServiceError(
        `PostgreSQL: nothing answered at ${target.address} (DATABASE_URL=${target.shown}). ` +
          'Start that server or point DATABASE_URL at one that runs; local servers are only started for 127.0.0.1, localhost or ::1.',
      );
    }
    stop = await withLock(`postgres-${target.port}`, async () => {
      // Another process may have started it while we waited for the lock.
      const again = await pgProbe(databaseUrl);
      if (again === 'up') {
        log(`PostgreSQL: using the server at ${target.address}`);
        return null;
      }
      if (typeof again === 'object') throw refused(again);
      if (await tcpOpen(target.host, target.port)) {
        throw new ServiceError(
          `PostgreSQL: something listens on ${target.address} but does not answer as PostgreSQL; free that port or change DATABASE_URL.`,
        );
      }
      return startLocalPostgres(target, databaseUrl, log);
    });
  }
  if (await createDatabase(databaseUrl)) log(`PostgreSQL: created database ${databaseName(databaseUrl)}`);
  return stop;
}

/** Where Debian's server, and the servers started here, put their Unix sockets. */
function socketDirCandidates(port) {
  return [
    '/var/run/postgresql',
    '/run/postgresql',
    '/tmp',
    path.join(DATA_DIR, `postgres-${port}`),
    path.join(FALLBACK_DATA_DIR, `postgres-${port}`),
  ];
}

/**
 * The same database over the server's Unix socket, when databaseUrl names a server on this machine
 * by a loopback address and the socket of that very server is found (checked by its start time);
 * else databaseUrl unchanged. A query over the socket costs the API noticeably less CPU than over
 * loopback TCP (see the README). `host` in the URL's query is what pg connects to; the URL keeps
 * its address, so it still reads as the server it is. AULA_DATABASE_SOCKET=off keeps TCP.
 */
export async function preferUnixSocket(databaseUrl) {
  if (['off', '0', 'false', 'no'].includes(String(process.env.AULA_DATABASE_SOCKET ?? '').toLowerCase()))
    return databaseUrl;
  const target = parseServiceUrl(databaseUrl, 'DATABASE_URL', 5432);
  if (!target.isLocal || target.url.searchParams.has('host')) return databaseUrl;
  const startedAt = async (connectionString) => {
    const client = pgClient(connectionString);
    try {
      await client.connect();
      const { rows } = await client.query('SELECT pg_postmaster_start_time()::text AS t');
      return rows[0].t;
    } catch {
      return null;
    } finally {
      await client.end().catch(() => {});
    }
  };
  const overTcp = await startedAt(databaseUrl);
  if (!overTcp) return databaseUrl;
  for (const dir of socketDirCandidates(target.port)) {
    if (!fs.existsSync(path.join(dir, `.s.PGSQL.${target.port}`))) continue;
    const url = new URL(databaseUrl);
    url.searchParams.set('host', dir);
    if ((await startedAt(url.toString())) === overTcp) return url.toString();
  }
  return databaseUrl;
}

// ---------------------------------------------------------------------------------------------
// Redis

function redisClient(redisUrl) {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    enableOfflineQueue: false,
  });
  client.on('error', () => {}); // surfaced through connect()/commands
  return client;
}

/** 'up' | 'starting' | 'down' | { error } (the server answered with an error, e.g. NOAUTH). */
async function redisProbe(redisUrl) {
  const client = redisClient(redisUrl);
  try {
    await client.connect();
    await client.ping();
    return 'up';
  } catch (error) {
    if (error?.name === 'ReplyError') return /^LOADING/.test(error.message) ? 'starting' : { error };
    return 'down';
  } finally {
    client.disconnect();
  }
}

/** The maxmemory-policy of the Redis server at redisUrl (BullMQ needs "noeviction"). */
export async function redisEvictionPolicy(redisUrl) {
  const client = redisClient(redisUrl);
  try {
    await client.connect();
    const reply = await client.config('GET', 'maxmemory-policy');
    return Array.isArray(reply) ? reply[1] : undefined;
  } catch (error) {
    throw new ServiceError(`Redis at ${redisUrl}: could not read maxmemory-policy: ${error.message}`);
  } finally {
    client.disconnect();
  }
}

function findRedisServer() {
  return which('redis-server', ['/usr/bin', '/usr/local/bin']);
}

function redisPidFile(dir) {
  return path.join(dir, 'redis.pid');
}

/** The pid of a live redis-server started from `dir` for `port`, else null. */
function redisRunning(dir, port) {
  const pid = readPid(redisPidFile(dir));
  if (pid === null || !isAlive(pid)) return null;
  const comm = procRead(pid, 'comm');
  if (comm !== null && !comm.startsWith('redis-server')) return null;
  const cmdline = procRead(pid, 'cmdline');
  if (cmdline !== null && !cmdline.includes(`:${port}`)) return null;
  return pid;
}

async function stopRedisDir(dir, port) {
  const pid = redisRunning(dir, port);
  if (!pid) {
    fs.rmSync(redisPidFile(dir), { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM'); // with save "" nothing is written
  const deadline = Date.now() + 20_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid))
    throw new ServiceError(`Redis: the local server on port ${port} (pid ${pid}) did not stop`);
  fs.rmSync(redisPidFile(dir), { force: true });
  return true;
}

async function startLocalRedis(target, redisUrl, log) {
  const { host, port, url, variable } = target;
  let bin = findRedisServer();
  if (!bin) {
    await aptInstall(['redis-server'], 'Redis', variable, log);
    bin = findRedisServer();
    if (!bin) throw new ServiceError('Redis: installed the redis-server package but found no redis-server');
  }
  const dir = path.join(DATA_DIR, `redis-${port}`);
  const shown = shortPath(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (redisRunning(dir, port)) {
    if ((await waitFor(() => redisProbe(redisUrl), 15_000)) === 'up') {
      log(`Redis: using the local server already running on ${shown} at ${target.address}`);
      return null;
    }
    throw new ServiceError(
      `Redis: a server of ${shown} runs but does not answer at ${target.address}; stop it (node tools/scripts/services.mjs down).`,
    );
  }
  fs.rmSync(redisPidFile(dir), { force: true });
  const logFile = path.join(dir, 'redis.log');
  const hosts = listenHosts(host);
  const args = [
    '--port',
    String(port),
    // `-::1`: optional (Redis 7), so a machine without IPv6 still starts.
    '--bind',
    ...hosts.map((h, i) => (i > 0 && h === '::1' ? '-::1' : h)),
    '--daemonize',
    'yes',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--pidfile',
    redisPidFile(dir),
    '--logfile',
    logFile,
  ];
  if (url.password) args.push('--requirepass', decodeURIComponent(url.password));
  const started = await run(bin, args, { timeout: 30_000 });
  if (started.code !== 0) {
    throw new ServiceError(
      `Redis: could not start a local server on ${target.address}:\n${tail(started.output, 5)}\n${fileTail(logFile)}`,
    );
  }
  const state = await waitFor(() => redisProbe(redisUrl), 15_000);
  if (state !== 'up') {
    await stopRedisDir(dir, port).catch(() => {});
    throw new ServiceError(
      `Redis: the local server on ${target.address} does not answer PING:\n${fileTail(logFile)}`,
    );
  }
  log(`Redis: nothing answered at ${target.address}; started a local server (data in ${shown})`);
  return async () => {
    await stopRedisDir(dir, port);
  };
}

async function ensureRedis(redisUrl, log) {
  const target = parseServiceUrl(redisUrl, 'REDIS_URL', 6379);
  const refused = (state) =>
    new ServiceError(
      `Redis at ${target.address} (REDIS_URL=${target.shown}) answered with an error: ${state.error.message}`,
    );
  let state = await redisProbe(redisUrl);
  if (state === 'starting') state = await waitFor(() => redisProbe(redisUrl), 30_000);
  if (typeof state === 'object') throw refused(state);
  if (state === 'up') {
    log(`Redis: using the server at ${target.address}`);
    await warnEviction(redisUrl, target, log);
    return null;
  }
  if (!target.isLocal) {
    throw new ServiceError(
      `Redis: nothing answered at ${target.address} (REDIS_URL=${target.shown}). ` +
        'Start that server or point REDIS_URL at one that runs; local servers are only started for 127.0.0.1, localhost or ::1.',
    );
  }
  return withLock(`redis-${target.port}`, async () => {
    const again = await redisProbe(redisUrl);
    if (again === 'up') {
      log(`Redis: using the server at ${target.address}`);
      return null;
    }
    if (typeof again === 'object') throw refused(again);
    if (await tcpOpen(target.host, target.port)) {
      throw new ServiceError(
        `Redis: something listens on ${target.address} but does not answer as Redis; free that port or change REDIS_URL.`,
      );
    }
    return startLocalRedis(target, redisUrl, log);
  });
}

async function warnEviction(redisUrl, target, log) {
  let policy;
  try {
    policy = await redisEvictionPolicy(redisUrl);
  } catch {
    return; // CONFIG may be disabled on managed servers
  }
  if (policy && policy !== 'noeviction') {
    log(
      `Redis: warning: the server at ${target.address} has maxmemory-policy ${policy}; BullMQ needs noeviction (CONFIG SET maxmemory-policy noeviction)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// SMTP (maildev)

/** 'up' (an SMTP greeting), 'other' (something else accepts connections) or 'down'. */
function smtpProbe(host, port, timeout = PROBE_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let connected = false;
    let buffer = '';
    const finish = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeout, () => finish(connected ? 'other' : 'down'));
    socket.once('connect', () => {
      connected = true;
    });
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      if (!buffer.includes('\n')) return;
      if (/^220[ -]/.test(buffer)) {
        socket.end('QUIT\r\n');
        finish('up');
      } else {
        finish('other');
      }
    });
    socket.once('error', () => finish(connected ? 'other' : 'down'));
    socket.once('end', () => finish(connected ? 'other' : 'down'));
  });
}

function maildevBin() {
  const dir = path.join(REPO_ROOT, 'node_modules', 'maildev');
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.maildev;
    if (bin) return path.join(dir, bin);
  } catch {
    // not installed
  }
  throw new ServiceError('maildev is not installed in node_modules; run npm ci (or npm install) first.');
}

async function ensureSmtp(smtpUrl, mailWebUrl, log, { forward = false } = {}) {
  const smtp = parseServiceUrl(smtpUrl, 'SMTP_URL', 1025);
  const web = parseServiceUrl(mailWebUrl, 'MAIL_WEB_URL', 1080);
  const state = await smtpProbe(smtp.host, smtp.port);
  if (state === 'up') {
    log(`SMTP: using the server at ${smtp.address}`);
    return null;
  }
  if (state === 'other') {
    throw new ServiceError(
      `SMTP: something listens on ${smtp.address} but does not greet as an SMTP server; free that port or change SMTP_URL.`,
    );
  }
  if (!smtp.isLocal) {
    throw new ServiceError(
      `SMTP: nothing answered at ${smtp.address} (SMTP_URL=${smtp.shown}). ` +
        'Start that server or point SMTP_URL at one that runs; maildev is only started for 127.0.0.1, localhost or ::1.',
    );
  }
  if (!web.isLocal)
    throw new ServiceError(`SMTP: maildev's web inbox must be local, but MAIL_WEB_URL is ${web.shown}.`);
  if (await tcpOpen(web.host, web.port)) {
    throw new ServiceError(
      `SMTP: nothing answered at ${smtp.address}, but ${web.address} (MAIL_WEB_URL) is taken, so maildev can't start there; free it or change MAIL_WEB_URL.`,
    );
  }

  const bindHost = (h) => (h.toLowerCase() === 'localhost' ? '127.0.0.1' : h);
  const child = spawn(
    process.execPath,
    [
      maildevBin(),
      '--smtp',
      String(smtp.port),
      '--web',
      String(web.port),
      '--ip',
      bindHost(smtp.host),
      '--web-ip',
      bindHost(web.host),
      // Not --silent: maildev then hides its errors too; the output is kept for error messages.
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
  );
  let output = '';
  let exited = null;
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.once('error', (error) => {
      exited = { code: -1, error };
      resolve();
    });
  });
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exitPromise;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      process.removeListener('exit', killOnExit);
      // Another process may have started one on the same port at the same moment.
      if ((await smtpProbe(smtp.host, smtp.port)) === 'up') {
        log(`SMTP: using the server at ${smtp.address}`);
        return null;
      }
      const why = exited.error ? exited.error.message : `exit code ${exited.code ?? exited.signal}`;
      throw new ServiceError(`SMTP: maildev did not start on ${smtp.address} (${why}):\n${tail(output)}`);
    }
    if ((await smtpProbe(smtp.host, smtp.port)) === 'up' && (await tcpOpen(web.host, web.port))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new ServiceError(`SMTP: maildev did not answer on ${smtp.address} within 30 s:\n${tail(output)}`);
    }
    await sleep(100);
  }
  if (forward) {
    child.stdout.pipe(process.stdout);
    child.stderr.pipe(process.stderr);
  }
  log(`SMTP: nothing answered at ${smtp.address}; started maildev (web inbox at ${web.url.origin})`);
  return Object.assign(stop, { child, exited: exitPromise });
}

// ---------------------------------------------------------------------------------------------
// the API

function resolveUrls({ databaseUrl, redisUrl, smtpUrl, mailWebUrl } = {}) {
  return {
    databaseUrl: databaseUrl || process.env.DATABASE_URL || DEFAULTS.databaseUrl,
    redisUrl: redisUrl || process.env.REDIS_URL || DEFAULTS.redisUrl,
    smtpUrl: smtpUrl || process.env.SMTP_URL || DEFAULTS.smtpUrl,
    mailWebUrl: mailWebUrl || process.env.MAIL_WEB_URL || DEFAULTS.mailWebUrl,
  };
}

async function ensureAll(options, { forwardMail = false } = {}) {
  const urls = resolveUrls(options);
  const log = options.log ?? console.log;
  // Check every URL before starting anything.
  parseServiceUrl(urls.databaseUrl, 'DATABASE_URL', 5432);
  parseServiceUrl(urls.redisUrl, 'REDIS_URL', 6379);
  if (options.smtp) {
    parseServiceUrl(urls.smtpUrl, 'SMTP_URL', 1025);
    parseServiceUrl(urls.mailWebUrl, 'MAIL_WEB_URL', 1080);
  }
  const stoppers = []; // [name, stop], in start order
  const stopAll = async () => {
    const errors = [];
    for (const [, stop] of stoppers.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length) throw errors[0];
  };
  try {
    const pgStop = await ensurePostgres(urls.databaseUrl, log);
    if (pgStop) stoppers.push(['postgres', pgStop]);
    const overSocket = await preferUnixSocket(urls.databaseUrl);
    if (overSocket !== urls.databaseUrl) {
      log(`PostgreSQL: connecting over its Unix socket in ${new URL(overSocket).searchParams.get('host')}`);
      urls.databaseUrl = overSocket;
    }
    const redisStop = await ensureRedis(urls.redisUrl, log);
    if (redisStop) stoppers.push(['redis', redisStop]);
    if (options.smtp) {
      const mailStop = await ensureSmtp(urls.smtpUrl, urls.mailWebUrl, log, { forward: forwardMail });
      if (mailStop) stoppers.push(['maildev', mailStop]);
    }
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
  return { urls, stoppers: [...stoppers], stopAll };
}

/**
 * Ensures PostgreSQL and Redis answer at the given URLs (starting local ones when nothing answers
 * and the host is local) and that the database in databaseUrl exists; with smtp: true also an SMTP
 * server at smtpUrl (maildev, with its web inbox at mailWebUrl, when nothing answers).
 * URLs default to DATABASE_URL / REDIS_URL / SMTP_URL / MAIL_WEB_URL, then DEFAULTS.
 * Resolves { databaseUrl, redisUrl, smtpUrl, mailWebUrl, started, stop }; stop() stops only what
 * this call started.
 */
export async function ensureServices({
  databaseUrl,
  redisUrl,
  smtp = false,
  smtpUrl,
  mailWebUrl,
  log = console.log,
} = {}) {
  const { urls, stoppers, stopAll } = await ensureAll({
    databaseUrl,
    redisUrl,
    smtp,
    smtpUrl,
    mailWebUrl,
    log,
  });
  let stopping = null;
  return {
    ...urls,
    started: stoppers.map(([name]) => name),
    stop: () => (stopping ??= stopAll()),
  };
}

// ---------------------------------------------------------------------------------------------
// the CLI

function readable(dir) {
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function localDataDirs() {
  const found = [];
  for (const base of [DATA_DIR, FALLBACK_DATA_DIR]) {
    let entries;
    try {
      entries = fs.readdirSync(base, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const match = entry.isDirectory() && /^(postgres|redis)-(\d+)$/.exec(entry.name);
      if (match) found.push({ kind: match[1], port: Number(match[2]), dir: path.join(base, entry.name) });
    }
  }
  return found.sort((a, b) => a.kind.localeCompare(b.kind) || a.port - b.port);
}

async function cliUp() {
  const { urls, stoppers } = await ensureAll({ smtp: true, log: console.log }, { forwardMail: true });
  console.log('');
  console.log(`DATABASE_URL=${urls.databaseUrl}`);
  console.log(`REDIS_URL=${urls.redisUrl}`);
  console.log(`SMTP_URL=${urls.smtpUrl}`);
  console.log(`MAIL_WEB_URL=${urls.mailWebUrl}`);
  console.log('');
  const maildev = stoppers.find(([name]) => name === 'maildev')?.[1];
  const local = stoppers.some(([name]) => name !== 'maildev') || localDataDirs().length > 0;
  if (local)
    console.log(
      'Local PostgreSQL/Redis servers keep running; stop them with: node tools/scripts/services.mjs down',
    );
  if (!maildev) return 0;
  console.log(`maildev runs in the foreground; web inbox at ${urls.mailWebUrl}. Press Ctrl-C to stop it.`);
  let signalled = false;
  const onSignal = () => {
    signalled = true;
    maildev().catch(() => {});
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await maildev.exited;
  await maildev();
  if (!signalled) {
    console.error('services: maildev stopped unexpectedly');
    return 1;
  }
  console.log('maildev stopped.');
  return 0;
}

async function cliDown() {
  let stopped = 0;
  let failed = 0;
  for (const { kind, port, dir } of localDataDirs()) {
    const name = kind === 'postgres' ? 'PostgreSQL' : 'Redis';
    if (!readable(dir)) {
      console.error(
        `services: ${name}: can't look into ${shortPath(dir)} (it belongs to another user); run this as root to stop its server`,
      );
      failed++;
      continue;
    }
    try {
      if (kind === 'postgres' ? await stopPostgresDir(dir) : await stopRedisDir(dir, port)) {
        console.log(`${name}: stopped the local server on port ${port} (data in ${shortPath(dir)})`);
        stopped++;
      }
    } catch (error) {
      console.error(
        `services: ${error instanceof ServiceError ? error.message : `${name}: could not stop the server of ${shortPath(dir)}: ${error.message}`}`,
      );
      failed++;
    }
  }
  if (!stopped && !failed) console.log('No local PostgreSQL or Redis server was running.');
  return failed ? 1 : 0;
}

async function cliStatus() {
  const urls = resolveUrls();
  const pgTarget = parseServiceUrl(urls.databaseUrl, 'DATABASE_URL', 5432);
  const redisTarget = parseServiceUrl(urls.redisUrl, 'REDIS_URL', 6379);
  const smtpTarget = parseServiceUrl(urls.smtpUrl, 'SMTP_URL', 1025);
  const webTarget = parseServiceUrl(urls.mailWebUrl, 'MAIL_WEB_URL', 1080);
  const describe = (state) =>
    state === 'up'
      ? 'answers'
      : typeof state === 'object'
        ? `answers with an error: ${state.error.message}`
        : `does not answer (${state})`;
  const pgState = await pgProbe(urls.databaseUrl);
  const redisState = await redisProbe(urls.redisUrl);
  const smtpState = await smtpProbe(smtpTarget.host, smtpTarget.port);
  const webOpen = await tcpOpen(webTarget.host, webTarget.port);
  console.log(`PostgreSQL  ${pgTarget.address}  ${describe(pgState)}  (DATABASE_URL=${pgTarget.shown})`);
  console.log(
    `Redis       ${redisTarget.address}  ${describe(redisState)}  (REDIS_URL=${redisTarget.shown})`,
  );
  console.log(
    `SMTP        ${smtpTarget.address}  ${smtpState === 'up' ? 'answers' : `does not answer (${smtpState})`}  (SMTP_URL=${smtpTarget.shown})`,
  );
  console.log(
    `Mail web    ${webTarget.address}  ${webOpen ? 'accepts connections' : 'does not answer'}  (MAIL_WEB_URL=${webTarget.shown})`,
  );
  const dirs = localDataDirs();
  if (dirs.length) {
    console.log('Local servers:');
    for (const { kind, port, dir } of dirs) {
      const pid = kind === 'postgres' ? postmasterRunning(dir) : redisRunning(dir, port);
      const name = kind === 'postgres' ? 'PostgreSQL' : 'Redis';
      const state = !readable(dir)
        ? 'unknown (not readable by this user)'
        : pid
          ? `running (pid ${pid})`
          : 'stopped';
      console.log(`  ${name.padEnd(10)} port ${port}  ${state}  data in ${shortPath(dir)}`);
    }
  }
  return pgState === 'up' && redisState === 'up' ? 0 : 3;
}

async function cli(argv) {
  const command = argv[0];
  const usage = 'usage: node tools/scripts/services.mjs up|down|status';
  if (command === 'up') return cliUp();
  if (command === 'down') return cliDown();
  if (command === 'status') return cliStatus();
  if (command === '-h' || command === '--help' || command === 'help') {
    console.log(usage);
    return 0;
  }
  console.error(command ? `services: unknown command ${command}\n${usage}` : usage);
  return 2;
}

const invokedDirectly = (() => {
  try {
    return (
      Boolean(process.argv[1]) &&
      fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      if (error instanceof ServiceError) console.error(`services: ${error.message}`);
      else console.error('services: unexpected failure:', error);
      process.exit(1);
    },
  );
}
