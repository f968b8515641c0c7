// `npm run db:migrate|db:revert|db:seed|db:reset|db:check`: compiles the server, makes sure
// PostgreSQL answers (starting a local one when it does not), then runs the database tool.
import { DEFAULTS, ensureServices } from './services/index.mjs';
import { run } from './stack.mjs';

const command = process.argv[2];
const COMMANDS = ['migrate', 'revert', 'seed', 'reset', 'check'];
if (!COMMANDS.includes(command)) {
  console.error(`Usage: node tools/scripts/db.mjs <${COMMANDS.join('|')}>`);
  process.exit(64);
}

const services = await ensureServices({
  databaseUrl: process.env.DATABASE_URL ?? DEFAULTS.databaseUrl,
  redisUrl: process.env.REDIS_URL ?? DEFAULTS.redisUrl,
  log: (line) => process.stdout.write(`[aula] ${line}\n`),
});
let code = 0;
try {
  run('node', ['tools/scripts/build-server.mjs'], { quiet: true });
  const env = { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
  // `migrate` before `seed`: demo data needs the tables.
  if (command === 'seed') run('node', ['dist/server/tools/db/cli.js', 'migrate'], { env });
  run('node', ['dist/server/tools/db/cli.js', command], { env });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  // Services this command started itself stop again; ones already running stay up.
  await services.stop();
}
process.exit(code);
