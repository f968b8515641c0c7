// CPU time from /proc, for the load processes' per-request figures (Linux only).
import { readFileSync } from 'node:fs';

/** CPU time of processes in clock ticks (USER_HZ, 100 a second on Linux); gone processes count 0. */
export function cpuTicks(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // ended meanwhile
    }
  }
  return ticks;
}

/** Machine-wide user + system + steal ticks (/proc/stat); irq/softirq left out (loopback traffic lands there). */
export function machineTicks() {
  const [user, nice, system, , , , , steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return user + nice + system + steal;
}
