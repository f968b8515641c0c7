// A burst in its own process (the orchestrator starts it under `taskset -c 1`): every request is
// prepared first, then all are sent in the same tick, each on its own connection (many people
// pressing the same button at the same second). As lib/quiz-burst-load.mjs, with a method, a JSON
// body and the status that counts as success.
//
//   node tools/bench/lib/burst-load.mjs <file>   the file holding {"port": 3000, "method": "POST", "expect": 201,
//                                        "body": {...}, "requests": [{"path": "...", "token": "..."}, ...],
//                                        "cpu": {"server": [pid], "postgres": [pid, ...]}}
//   (a file: five hundred tokens do not fit in one argument)
//
// Prints one JSON line: { requests, ok, non2xx, errors, statuses, p50_ms, p95_ms, p99_ms, max_ms, wall_ms,
// cpu_ms }: cpu_ms is the CPU time of each group of processes from the first request to the last answer.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { cpuTicks } from './cpu.mjs';

const {
  port,
  method = 'POST',
  expect = 200,
  body = null,
  requests,
  cpu = {},
} = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const payload = body === null ? null : Buffer.from(JSON.stringify(body));

function send({ path, token }) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const headers = { authorization: `Bearer ${token}`, 'content-length': payload?.length ?? 0 };
    if (payload) headers['content-type'] = 'application/json';
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', (error) =>
      resolve({ status: 0, error: error.message, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
    );
    req.end(payload ?? undefined);
  });
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round = (n) => Math.round(n * 100) / 100;

const groups = Object.entries(cpu);
const before = groups.map(([, pids]) => cpuTicks(pids));
const t0 = process.hrtime.bigint();
const results = await Promise.all(requests.map(send));
const wall = Number(process.hrtime.bigint() - t0) / 1e6;
const cpuMs = Object.fromEntries(groups.map(([name, pids], i) => [name, (cpuTicks(pids) - before[i]) * 10]));
const times = results.map((r) => r.ms).sort((a, b) => a - b);
const statuses = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
console.log(
  JSON.stringify({
    requests: results.length,
    ok: results.filter((r) => r.status === expect).length,
    non2xx: results.filter((r) => r.status && (r.status < 200 || r.status >= 300)).length,
    errors: results.filter((r) => r.status !== expect).length,
    statuses,
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    p99_ms: round(percentile(times, 99)),
    max_ms: round(times.at(-1)),
    wall_ms: round(wall),
    cpu_ms: cpuMs,
  }),
);
