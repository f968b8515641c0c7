// Installing from the system's packages with apt-get (only root can).

import fs from 'node:fs';
import { childEnv, IS_ROOT, run, ServiceError, tail, which } from './helpers.mjs';

let aptQueue = Promise.resolve();
let aptUpdated = false;

export const hasAptGet = () => which('apt-get', ['/usr/bin']) !== null;

/**
 * `apt-get install -y packages`, as root, one install at a time in this process (apt-get update
 * runs before the first). The packages' own scripts start no services meanwhile.
 * `recommends: false` adds --no-install-recommends.
 */
export function aptGetInstall(packages, { recommends = true } = {}) {
  const job = aptQueue.then(() => aptGetInstallNow(packages, recommends));
  aptQueue = job.catch(() => {});
  return job;
}

async function aptGetInstallNow(packages, recommends) {
  const list = packages.join(' ');
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
      '#!/bin/sh\n# written by aula tools/scripts/services during apt-get install\nexit 101\n',
      { mode: 0o755 },
    );
  try {
    const options = recommends ? [] : ['--no-install-recommends'];
    const install = await run(
      'apt-get',
      ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', ...options, ...packages],
      { env, timeout: 1_200_000 },
    );
    if (install.code !== 0)
      throw new ServiceError(`apt-get install ${list} failed:\n${tail(install.output)}`);
  } finally {
    if (ownPolicy) fs.rmSync(policy, { force: true });
  }
}

/** Installs the packages of a service (`what`) that is missing, or says why it can't. */
export async function aptInstall(packages, what, variable, log) {
  const list = packages.join(' ');
  if (!IS_ROOT) {
    throw new ServiceError(
      `${what} is not installed, and only root can install it here. Install it (sudo apt-get install -y ${list}) ` +
        `or point ${variable} at a running server.`,
    );
  }
  if (!hasAptGet()) {
    throw new ServiceError(
      `${what} is not installed and apt-get is not available; install ${what} or point ${variable} at a running server.`,
    );
  }
  log(`${what}: not installed; installing ${list} with apt-get`);
  await aptGetInstall(packages);
  log(`${what}: installed ${list}`);
}
