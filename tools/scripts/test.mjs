// `npm test`: every test against real services.
//   static  lint and type checks (Nx, cached)
//   jest    unit specs and integration specs (real PostgreSQL, Redis, SMTP; a fresh database), then
//           the web app's specs (Vitest)
//   e2e     the built platform on its own database and port, driven by Playwright in Chromium
// `npm test -- jest` (or static, e2e) runs only those stages; other words narrow the run to the
// test files whose path contains them (`npm test -- e2e marking`, `npm test -- jest gradebook`).
// `npm test -- jest --clock='2026-03-15 04:50 UTC'` runs the jest stage with the wall clock of Node
// and of a PostgreSQL of its own set to that instant: see `clockedCommand` below.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDatabase, DEFAULTS, dropDatabase, ensureServices, provision } from './services/index.mjs';
import { buildAll, migrateAndSeed, ROOT, run, startPlatform } from './stack.mjs';

const say = (line) => process.stdout.write(`\n[aula test] ${line}\n`);
const STAGES = ['static', 'jest', 'e2e'];
const words = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = words.filter((w) => STAGES.includes(w));
const filters = words.filter((w) => !STAGES.includes(w));
const stages = wanted.length ? wanted : filters.length ? ['jest', 'e2e'] : STAGES;
const clock = process.argv.find((a) => a.startsWith('--clock='))?.slice('--clock='.length);

/**
 * The suite must pass at any hour: a fixture that counts days in UTC while the code counts them in
 * a cohort's zone fails only for the hours when the two calendars disagree. So the jest stage also
 * runs the specs that count days at fixed instants where they do: 02:10 UTC is still the evening
 * before in America/Bogota and America/Sao_Paulo (the demo and most test cohorts' zones), and
 * 20:40 UTC is already the next morning in Asia/Kolkata, Asia/Manila and Asia/Ho_Chi_Minh.
 * Every jest file was run at both instants and at 04:55 and 23:55 UTC (`npm test -- jest --clock=…`): besides this spec (fixed
 * in its `day()` fixture), what failed failed for the moved clock itself: specs that start a
 * redis-server of their own (Redis does not run under libfaketime), and the image sweep, which
 * compares file times the kernel writes with the moved clock.
 */
const CLOCK_CHECKS = {
  instants: ['2026-03-15 02:10:00 UTC', '2026-03-15 20:40:00 UTC'],
  files: ['apps/api/src/learning/catalogue.int-spec.ts'],
};

/**
 * The environment of a jest run whose clock reads `instant`: `faketime` (libfaketime) moves the
 * wall clock of the run and of every process it starts, and the run gets a PostgreSQL of its own on
 * an unused port, which its global setup starts under that clock, so `now()` in SQL and
 * `Date.now()` in Node agree. Redis keeps the real clock (it does not run under libfaketime, and
 * reads its clock only for relative expiries): the run gets a Redis database of its own.
 * Monotonic clocks are left alone so timers keep real time.
 */
function clockedCommand(instant, args, env) {
  const redis = new URL(env.REDIS_URL);
  redis.pathname = '/8';
  return {
    cmd: 'faketime',
    args: ['-m', '--exclude-monotonic', instant, 'node', ...args],
    env: { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:55441/aula', REDIS_URL: redis.toString() },
  };
}
const tmp = resolve(ROOT, 'tmp/test');
mkdirSync(tmp, { recursive: true });

const counts = { passed: 0, failed: 0 };
const results = [];

async function stage(name, work) {
  if (!stages.includes(name)) return;
  say(`${name}…`);
  const started = Date.now();
  try {
    await work();
    results.push([name, 'passed', Date.now() - started]);
  } catch (e) {
    results.push([name, 'FAILED', Date.now() - started]);
    process.stderr.write(`[aula test] ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  const redis = new URL(process.env.REDIS_URL ?? DEFAULTS.redisUrl);
  if (redis.pathname === '' || redis.pathname === '/') redis.pathname = '/1';
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULTS.databaseUrl;
  const log = (line) => process.stdout.write(`[aula test] ${line}\n`);
  // The system packages the stages need (Chromium, qpdf...), before anything runs.
  await provision(stages, { DATABASE_URL: databaseUrl, REDIS_URL: redis.toString() }, { log });
  const services = await ensureServices({
    databaseUrl,
    redisUrl: redis.toString(),
    smtp: stages.some((s) => s !== 'static'),
    smtpUrl: process.env.SMTP_URL ?? DEFAULTS.smtpUrl,
    mailWebUrl: process.env.MAIL_WEB_URL ?? DEFAULTS.mailWebUrl,
    log,
  });
  const env = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    SMTP_URL: services.smtpUrl,
  };

  try {
    await stage('static', () => {
      run(
        'node',
        [
          'node_modules/nx/dist/bin/nx.js',
          'run-many',
          '-t',
          'lint',
          'typecheck',
          '--parallel=2',
          '--output-style=static',
        ],
        { env },
      );
    });

    await stage('jest', () => {
      // Jest and Vitest write the same JSON report.
      const counted = (report, command) => {
        // A report left by an earlier run must not be counted if this one dies before writing its own.
        rmSync(report, { force: true });
        try {
          command();
        } finally {
          const r = readJson(report);
          if (r) {
            counts.passed += r.numPassedTests;
            counts.failed += r.numFailedTests;
          }
        }
      };
      const jest = (name, args, instant = clock) => {
        const report = resolve(tmp, `${name}.json`);
        const argv = [
          '--experimental-vm-modules',
          '--no-warnings=ExperimentalWarning',
          'node_modules/jest/bin/jest.js',
          '--maxWorkers=2',
          '--json',
          `--outputFile=${report}`,
          ...args,
        ];
        if (!instant) return counted(report, () => run('node', argv, { env }));
        say(`jest with the clock at ${instant}…`);
        const clocked = clockedCommand(instant, argv, env);
        counted(report, () => run(clocked.cmd, clocked.args, { env: clocked.env }));
      };
      // The web app's specs: Angular's unit-test builder on Vitest, in jsdom (`nx run web:test`).
      const webUnit = () => {
        // Filter words match paths as jest reads them: regular expressions against the whole path.
        const specs = readdirSync(resolve(ROOT, 'apps/web/src'), { recursive: true }).filter(
          (file) =>
            file.endsWith('.spec.ts') &&
            (!filters.length || filters.some((w) => new RegExp(w).test(resolve(ROOT, 'apps/web/src', file)))),
        );
        if (!specs.length) return;
        const report = resolve(tmp, 'web-unit.json');
        const include = filters.length ? specs.map((file) => `--include=${file}`) : [];
        counted(report, () =>
          run(
            'node',
            [
              'node_modules/nx/dist/bin/nx.js',
              'run',
              'web:test',
              '--output-style=static',
              '--reporters=default',
              '--reporters=json',
              `--outputFile=${report}`,
              ...include,
            ],
            { env },
          ),
        );
      };
      if (filters.length) {
        try {
          jest('jest', ['--passWithNoTests', ...filters]);
        } finally {
          webUnit();
        }
        return;
      }
      // These files run their own outbox relay against a Redis of their own: alongside other files
      // it would take those files' events from the shared database. They run after the rest.
      const alone = ['apps/worker/src/notification/notification.int-spec.ts'];
      let failure;
      try {
        // (this flag replaces the configured patterns: repeat them)
        jest('jest', [
          '--testPathIgnorePatterns',
          '/node_modules/',
          '/dist/',
          '/apps/web/',
          '/apps/web-e2e/',
          ...alone,
        ]);
      } catch (e) {
        failure = e;
      }
      try {
        jest('jest-alone', ['--runTestsByPath', ...alone]);
        if (!clock)
          CLOCK_CHECKS.instants.forEach((instant, i) =>
            jest(`jest-clock-${i}`, ['--runTestsByPath', ...CLOCK_CHECKS.files], instant),
          );
      } finally {
        webUnit();
      }
      if (failure) throw failure;
    });

    await stage('e2e', async () => {
      buildAll({ quiet: true });
      const url = new URL(services.databaseUrl);
      url.pathname = `/aula_e2e_${randomBytes(4).toString('hex')}`;
      const port = process.env.E2E_PORT ?? '3101';
      const e2eEnv = {
        ...env,
        NODE_ENV: 'test',
        DATABASE_URL: url.toString(),
        PORT: port,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'warn',
      };
      await createDatabase(e2eEnv.DATABASE_URL);
      let platform;
      try {
        migrateAndSeed(e2eEnv, { quiet: true });
        platform = await startPlatform(e2eEnv, {
          output: createWriteStream(resolve(tmp, 'e2e-platform.log')),
          port,
        });
        const report = resolve(tmp, 'playwright.json');
        rmSync(report, { force: true });
        try {
          run(
            'node',
            [
              'node_modules/@playwright/test/cli.js',
              'test',
              '-c',
              'apps/web-e2e/playwright.config.ts',
              '--reporter=list,json',
              ...(filters.length ? ['--pass-with-no-tests', ...filters] : []),
            ],
            {
              env: { ...e2eEnv, E2E_BASE_URL: e2eEnv.PUBLIC_URL, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
            },
          );
        } finally {
          const r = readJson(report);
          if (r?.stats) {
            counts.passed += r.stats.expected;
            counts.failed += r.stats.unexpected + (r.stats.flaky ?? 0);
          }
        }
      } finally {
        await platform?.stop();
        await dropDatabase(e2eEnv.DATABASE_URL);
      }
    });
  } finally {
    await services.stop();
  }

  say('summary');
  for (const [name, outcome, ms] of results)
    process.stdout.write(`  ${name.padEnd(8)} ${outcome.padEnd(7)} ${(ms / 1000).toFixed(1)} s\n`);
  const failedStages = results.filter(([, outcome]) => outcome !== 'passed').length;
  process.stdout.write(
    `${counts.passed} passed, ${counts.failed + (counts.failed === 0 ? failedStages : 0)} failed\n`,
  );
  process.exit(failedStages ? 1 : 0);
}

main().catch((e) => {
  process.stderr.write(`[aula test] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
