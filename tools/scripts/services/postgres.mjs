// PostgreSQL: probes, databases, and a local server of the system's packages with its data in
// .data/postgres-<port> (or under /var/lib/aula when root and the repository is private), run by
// an unprivileged system user when we are root.

import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { aptInstall } from './apt.mjs';
import {
  DATA_DIR,
  FALLBACK_DATA_DIR,
  fileTail,
  IS_ROOT,
  isAlive,
  listenHosts,
  parseServiceUrl,
  PROBE_TIMEOUT_MS,
  procRead,
  readPid,
  run,
  ServiceError,
  shortPath,
  sleep,
  tail,
  tcpOpen,
  waitFor,
  which,
  withLock,
} from './helpers.mjs';

const PG_SYSTEM_USER = 'aula-pg';

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
export async function pgProbe(connectionString) {
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
export function findPgBinDir(version) {
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
export function postmasterRunning(dataDir) {
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
    '# Written by tools/scripts/services/postgres.mjs at every start; edits are overwritten.',
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
export async function stopPostgresDir(dataDir) {
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

export async function ensurePostgres(databaseUrl, log) {
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
