// What `npm test` (and `npm start`) need from the system besides the services, by stage, as Debian
// packages: found, installed with apt-get when missing and running as root, or named in one message
// before anything runs.

import fs from 'node:fs';
import { aptGetInstall, hasAptGet } from './apt.mjs';
import { IS_ROOT, parseServiceUrl, ServiceError, which } from './helpers.mjs';
import { findPgBinDir, pgProbe } from './postgres.mjs';
import { findRedisServer, redisProbe } from './redis.mjs';

const isExecutable = (file) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The browser journeys' Chromium: CHROMIUM_PATH, else the system's (as apps/web-e2e/playwright.config.ts). */
export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * A server's package is needed when nothing answers at its URL on this machine and it is not
 * installed (a server elsewhere is the URL's business: ensureServices says so).
 */
const serverPackage = (variable, port, probe, installed) => async (urls) => {
  const target = parseServiceUrl(urls[variable], variable, port);
  return installed() || !target.isLocal || (await probe(urls[variable])) !== 'down';
};

/**
 * Each package, the stages that need it and how to tell it is there. The servers count for every
 * stage, since `npm test` starts them for each; their packages are installed by ensureServices
 * itself when it starts a local server.
 */
export const NEEDS = [
  {
    pkg: 'postgresql',
    stages: ['static', 'jest', 'e2e'],
    server: true,
    present: serverPackage('DATABASE_URL', 5432, pgProbe, () => findPgBinDir() !== null),
  },
  {
    pkg: 'redis-server',
    stages: ['static', 'jest', 'e2e'],
    server: true,
    present: serverPackage('REDIS_URL', 6379, redisProbe, () => findRedisServer() !== null),
  },
  // The certificate specs check the PDFs with qpdf and poppler (pdftotext, and pdftoppm, which
  // renders a page to pixels).
  { pkg: 'qpdf', stages: ['jest'], present: () => which('qpdf', ['/usr/bin']) !== null },
  {
    pkg: 'poppler-utils',
    stages: ['jest'],
    present: () => which('pdftotext', ['/usr/bin']) !== null && which('pdftoppm', ['/usr/bin']) !== null,
  },
  // Date-sensitive specs also run at a fixed instant.
  { pkg: 'faketime', stages: ['jest'], present: () => which('faketime', ['/usr/bin']) !== null },
  { pkg: 'chromium', stages: ['e2e'], present: () => isExecutable(chromiumPath()) },
  // The journeys' screens in Latin, CJK and other scripts; the fonts certificates print names in
  // (Thai, Ethiopic, Hebrew... and rare ideographs: see libs/server/fonts), for the worker of
  // `npm start` and the certificate specs.
  {
    pkg: 'fonts-noto-core',
    stages: ['jest', 'e2e', 'start'],
    present: () => fs.existsSync('/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf'),
  },
  {
    pkg: 'fonts-noto-cjk',
    stages: ['jest', 'e2e', 'start'],
    present: () => fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  },
];

/**
 * The needs of the chosen stages that are missing. `present(need, urls)` tells whether one is there
 * (the need's own check unless given).
 */
export async function missingNeeds(stages, urls, { present = (need, u) => need.present(u) } = {}) {
  const missing = [];
  for (const need of NEEDS) {
    if (need.stages.some((stage) => stages.includes(stage)) && !(await present(need, urls)))
      missing.push(need);
  }
  return missing;
}

/** The one message for someone who is not root (`command`: what to run again). */
export function installMessage(packages, command = 'npm test') {
  const list = packages.join(' ');
  const who = command === 'npm test' ? 'the tests need' : `${command} needs`;
  return `${who} system packages that are not installed: ${list}. Install them (sudo apt-get install -y ${list}) and run ${command} again.`;
}

/**
 * Makes sure the chosen stages of `npm test` find what they need: as root, installs the missing
 * packages with apt-get (the servers' own are left to ensureServices); otherwise throws one
 * ServiceError naming them all. `urls`: { DATABASE_URL, REDIS_URL } the run will use.
 */
export async function provision(
  stages,
  urls,
  {
    log = console.log,
    isRoot = IS_ROOT,
    present,
    install = aptGetInstall,
    canInstall = hasAptGet,
    command = 'npm test',
  } = {},
) {
  if (process.env.CHROMIUM_PATH && stages.includes('e2e') && !isExecutable(chromiumPath())) {
    throw new ServiceError(
      `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file; fix it, or unset it to use /usr/bin/chromium.`,
    );
  }
  const missing = await missingNeeds(stages, urls, { present });
  const checked = NEEDS.filter((need) => need.stages.some((stage) => stages.includes(stage)));
  if (missing.length === 0) {
    if (checked.length) log(`system packages: all present (${checked.map((need) => need.pkg).join(' ')})`);
    return [];
  }
  const packages = missing.map((need) => need.pkg);
  if (!isRoot) throw new ServiceError(installMessage(packages, command));
  if (!canInstall()) {
    throw new ServiceError(
      `the tests need system packages that are not installed: ${packages.join(' ')}, and apt-get is not available; install them.`,
    );
  }
  const ours = missing.filter((need) => !need.server).map((need) => need.pkg);
  if (ours.length) {
    log(`system packages: installing ${ours.join(' ')} with apt-get`);
    await install(ours, { recommends: false });
    const still = (await missingNeeds(stages, urls, { present })).filter((need) => !need.server);
    if (still.length) {
      throw new ServiceError(
        `system packages: installed ${ours.join(' ')}, but the tests still do not find ${still.map((need) => need.pkg).join(' ')}.`,
      );
    }
    log(`system packages: installed ${ours.join(' ')}`);
  }
  return ours;
}
