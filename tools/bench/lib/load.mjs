// One measurement, in its own process (the orchestrator starts it under `taskset -c 1`): a warm-up
// run whose figures are thrown away, then the measured run. Every response time of the measured run
// is kept, so p95 is exact (autocannon's own summary has p90 and p97.5 but no p95).
//
//   node tools/bench/lib/load.mjs '{"url": "...", "headers": {...}, "connections": 50, "warmupS": 3, "durationS": 10,
//                                   "paths": ["/a?q=1", "/a?q=2"] (optional: requests take these paths in turn),
//                                   "cpu": {"server": [pid], "postgres": [pid, ...]}, "shared": [pid, ...]}'
//
// Prints one JSON line: { rps, p50_ms, p95_ms, p99_ms, max_ms, requests, non2xx, errors, timeouts, duration_s,
// cpu_us_per_req: { server, postgres }, foreign_cores } — cpu_us_per_req: the CPU time (user + system)
// of those processes during the measured run, per answered request; foreign_cores: the CPU the rest
// of the machine used meanwhile (every process but those, `shared` ones such as Redis and this one;
// plus time stolen by the hypervisor), in cores. durationS 0: warm-up only, prints {}.
import autocannon from 'autocannon';
import { cpuTicks, machineTicks } from './cpu.mjs';

const options = JSON.parse(process.argv[2]);

// Every request takes the next of `paths`, the same order on both sides of a pair.
let turn = 0;
const rotate = options.paths?.length
  ? [{ setupRequest: (request) => ({ ...request, path: options.paths[turn++ % options.paths.length] }) }]
  : undefined;

function once(durationS, record) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        ...(rotate ? { requests: rotate } : {}),
        headers: options.headers ?? {},
        connections: options.connections ?? 50,
        pipelining: 1,
        duration: durationS,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (record)
      instance.on('response', (_client, statusCode, _bytes, responseTime) =>
        record(statusCode, responseTime),
      );
  });
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

const round = (n, digits = 2) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

if (options.warmupS > 0) await once(options.warmupS);
if (!(options.durationS > 0)) {
  process.stdout.write('{}\n');
  process.exit(0);
}
const groups = Object.entries(options.cpu ?? {});
const ours = [...groups.flatMap(([, pids]) => pids), ...(options.shared ?? []), process.pid];
const before = groups.map(([, pids]) => cpuTicks(pids));
const machineBefore = machineTicks() - cpuTicks(ours);
const startedAt = performance.now();
const times = [];
const result = await once(options.durationS, (status, ms) => {
  if (status >= 200 && status < 300) times.push(ms);
});
const foreignCores =
  (machineTicks() - cpuTicks(ours) - machineBefore) / ((performance.now() - startedAt) / 10);
const cpu = Object.fromEntries(
  groups.map(([name, pids], i) => [
    name,
    round(((cpuTicks(pids) - before[i]) * 10_000) / Math.max(1, result['2xx']), 0),
  ]),
);
times.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({
    rps: round(result['2xx'] / result.duration, 1),
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    p99_ms: round(percentile(times, 99)),
    max_ms: round(times.at(-1) ?? null),
    autocannon_p99_ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    duration_s: round(result.duration),
    cpu_us_per_req: cpu,
    foreign_cores: round(Math.max(0, foreignCores)),
  })}\n`,
);
