// Redis: probes, and a local redis-server of the system's packages (no persistence,
// noeviction for BullMQ) with its pid and log in .data/redis-<port>.

import fs from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { aptInstall } from './apt.mjs';
import {
  DATA_DIR,
  fileTail,
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
export async function redisProbe(redisUrl) {
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

export function findRedisServer() {
  return which('redis-server', ['/usr/bin', '/usr/local/bin']);
}

function redisPidFile(dir) {
  return path.join(dir, 'redis.pid');
}

/** The pid of a live redis-server started from `dir` for `port`, else null. */
export function redisRunning(dir, port) {
  const pid = readPid(redisPidFile(dir));
  if (pid === null || !isAlive(pid)) return null;
  const comm = procRead(pid, 'comm');
  if (comm !== null && !comm.startsWith('redis-server')) return null;
  const cmdline = procRead(pid, 'cmdline');
  if (cmdline !== null && !cmdline.includes(`:${port}`)) return null;
  return pid;
}

export async function stopRedisDir(dir, port) {
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

export async function ensureRedis(redisUrl, log) {
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
