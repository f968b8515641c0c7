// `npm start`: the whole platform on one machine, from a fresh clone.
// Services (PostgreSQL, Redis, a local SMTP server with a web inbox) and the system fonts the
// certificates print with → build → migrate → demo data → API (serving the web app) + worker.
// Ctrl-C stops what it started.
import { DEFAULTS, ensureServices, provision } from './services/index.mjs';
import { buildAll, migrateAndSeed, startPlatform } from './stack.mjs';

const say = (line) => process.stdout.write(`[aula] ${line}\n`);

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  say(`Node ${process.versions.node}${major >= 24 ? '' : ' (not the project’s Node 24: run through npm so node_modules/.bin/node is used)'}`);
  const port = process.env.PORT ?? '3000';
  const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;
  const services = await ensureServices({
    databaseUrl: process.env.DATABASE_URL ?? DEFAULTS.databaseUrl,
    redisUrl: process.env.REDIS_URL ?? DEFAULTS.redisUrl,
    smtp: true,
    smtpUrl: process.env.SMTP_URL ?? DEFAULTS.smtpUrl,
    mailWebUrl: process.env.MAIL_WEB_URL ?? DEFAULTS.mailWebUrl,
    log: say,
  });
  try {
    // The Noto fonts of the scripts that npm packages do not bring (Thai, Ethiopic, Hebrew...).
    await provision(['start'], { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl }, {
      log: say,
      command: 'npm start',
    });
  } catch (e) {
    // Aula runs without them; certificates print names in those scripts as empty boxes.
    say(`warning: ${e instanceof Error ? e.message : String(e)}`);
    say('warning: until then, certificates print names in Thai, Ethiopic, Hebrew and other scripts as empty boxes.');
  }
  let platform;
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await platform?.stop();
    await services.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const env = {
      ...process.env,
      PORT: port,
      PUBLIC_URL: publicUrl,
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      SMTP_URL: services.smtpUrl,
    };
    say('building the server and the web app…');
    buildAll({ quiet: true });
    say('applying migrations and demo data…');
    migrateAndSeed(env);
    say('starting the API and the worker…');
    platform = await startPlatform(env, { output: 'inherit', port });
  } catch (e) {
    say(e instanceof Error ? e.message : String(e));
    await shutdown(1);
    return;
  }
  say('');
  say(`Aula is up:   ${publicUrl}`);
  say(`Mail inbox:   ${services.mailWebUrl}`);
  say(`API docs:     ${publicUrl}/api/docs`);
  say('Demo sign-ins (password Aula-demo-2026): admin@aula.example, lucia.fernandez@aula.example (tutor),');
  say('  jose.nunez@aula.example (trainee, Spanish), ana.souza@aula.example (trainee, Portuguese)');
  say('Press Ctrl-C to stop.');
  for (const child of platform.children) {
    child.on('exit', (code) => {
      if (stopping) return;
      say(`the ${child.name} stopped (exit ${code}).`);
      void shutdown(1);
    });
  }
}

main().catch((e) => {
  process.stderr.write(`[aula] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
