// How fast this machine is right now, as one number: the time of a fixed piece of work (objects
// built, JSON written and read back, a sort, a SHA-256), the median of three. On the shared
// 2-core machine the same code ran a third to twice as slow from one hour to the next, so every
// benchmark records this beside its figures: a result is read against the probe it ran with.
import { createHash } from 'node:crypto';

function work(): number {
  const start = performance.now();
  const rows = Array.from({ length: 150_000 }, (_, i) => ({ id: `row-${i}`, surname: `NAME${i % 977}`, arrival: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, n: i * 7 % 1009 }));
  const back = JSON.parse(JSON.stringify(rows)) as typeof rows;
  back.sort((a, b) => (a.surname < b.surname ? -1 : a.surname > b.surname ? 1 : a.n - b.n));
  createHash('sha256').update(Buffer.alloc(32 * 2 ** 20, back.length % 251)).digest('hex');
  return performance.now() - start;
}

/** Milliseconds for the fixed work (lower is faster); about 0.5 s on this machine when it is quiet. */
export function machineSpeedProbe(): number {
  const times = [work(), work(), work()].sort((a, b) => a - b);
  return Math.round(times[1]!);
}
