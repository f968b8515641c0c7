// Local backing services for `npm start` and `npm test`: PostgreSQL, Redis and an SMTP server
// with a web inbox (maildev).
//
// The servers at the configured URLs are used when they answer. When nothing answers and the URL
// points at this machine, local servers are started from the system's packages (installed with
// apt-get when missing and running as root), with their data under the git-ignored `.data/`.
// URLs come from DATABASE_URL, REDIS_URL, SMTP_URL and MAIL_WEB_URL, else DEFAULTS.
//
// One module per service (postgres, redis, smtp), apt.mjs for installing packages, provision.mjs
// for what `npm test` needs besides, cli.mjs for `npm run services`. Plain Node ESM (no
// TypeScript): it runs before anything is built; index.d.mts types it for the TypeScript callers.

import { parseServiceUrl } from './helpers.mjs';
import { ensurePostgres, preferUnixSocket } from './postgres.mjs';
import { ensureRedis } from './redis.mjs';
import { ensureSmtp } from './smtp.mjs';

export { ServiceError } from './helpers.mjs';
export { createDatabase, dropDatabase, preferUnixSocket } from './postgres.mjs';
export { provision } from './provision.mjs';
export { redisEvictionPolicy } from './redis.mjs';

export const DEFAULTS = {
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/aula',
  redisUrl: 'redis://127.0.0.1:6379',
  smtpUrl: 'smtp://127.0.0.1:1025',
  mailWebUrl: 'http://127.0.0.1:1080',
};

/** The URLs given, else DATABASE_URL / REDIS_URL / SMTP_URL / MAIL_WEB_URL, else DEFAULTS. */
export function resolveUrls({ databaseUrl, redisUrl, smtpUrl, mailWebUrl } = {}) {
  return {
    databaseUrl: databaseUrl || process.env.DATABASE_URL || DEFAULTS.databaseUrl,
    redisUrl: redisUrl || process.env.REDIS_URL || DEFAULTS.redisUrl,
    smtpUrl: smtpUrl || process.env.SMTP_URL || DEFAULTS.smtpUrl,
    mailWebUrl: mailWebUrl || process.env.MAIL_WEB_URL || DEFAULTS.mailWebUrl,
  };
}

/** ensureServices, for the CLI: the stoppers by name (maildev's has `exited`), its output forwarded when asked. */
export async function ensureAll(options, { forwardMail = false } = {}) {
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
