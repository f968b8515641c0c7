// SMTP: a probe for a server's greeting, and maildev from node_modules (with its web inbox)
// when nothing answers on this machine.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  parseServiceUrl,
  PROBE_TIMEOUT_MS,
  REPO_ROOT,
  ServiceError,
  sleep,
  tail,
  tcpOpen,
} from './helpers.mjs';

/** 'up' (an SMTP greeting), 'other' (something else accepts connections) or 'down'. */
export function smtpProbe(host, port, timeout = PROBE_TIMEOUT_MS) {
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

export async function ensureSmtp(smtpUrl, mailWebUrl, log, { forward = false } = {}) {
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
