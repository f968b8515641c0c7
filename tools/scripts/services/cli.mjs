// `npm run services -- up|down|status` (tools/scripts/services.mjs runs main):
//   up      ensure PostgreSQL, Redis and maildev; maildev stays in the foreground until Ctrl-C,
//           PostgreSQL/Redis keep running
//   down    stop the local PostgreSQL/Redis servers under the data folders
//   status  what answers at the configured URLs, and the local servers

import fs from 'node:fs';
import path from 'node:path';
import {
  DATA_DIR,
  FALLBACK_DATA_DIR,
  parseServiceUrl,
  ServiceError,
  shortPath,
  tcpOpen,
} from './helpers.mjs';
import { ensureAll, resolveUrls } from './index.mjs';
import { pgProbe, postmasterRunning, stopPostgresDir } from './postgres.mjs';
import { redisProbe, redisRunning, stopRedisDir } from './redis.mjs';
import { smtpProbe } from './smtp.mjs';

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

/** Runs the command in argv and exits with its code. */
export function main(argv) {
  cli(argv).then(
    (code) => process.exit(code),
    (error) => {
      if (error instanceof ServiceError) console.error(`services: ${error.message}`);
      else console.error('services: unexpected failure:', error);
      process.exit(1);
    },
  );
}
