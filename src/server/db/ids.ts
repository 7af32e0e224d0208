import { randomBytes } from 'node:crypto';

// Row ids for tables that grow by the thousand (stays, persons, documents, outbox events):
// UUID version 7 (RFC 9562), the time in milliseconds first and random bits after. A random
// (version 4) id lands anywhere in a primary-key index, so a batch of 100 check-ins rewrote
// a page of each index per row, and the pages written per commit grew with the table; ids
// in time order are appended at the end of the index, a few pages per batch.

let lastMs = 0;
let seq = 0;
// Random bytes drawn 4 KiB at a time: one draw per id was a twentieth of a re-screen's time.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolAt = POOL_BYTES;

function random16(): Buffer {
  if (poolAt + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const b = Buffer.allocUnsafe(16);
  pool.copy(b, 0, poolAt, poolAt + 16);
  poolAt += 16;
  return b;
}

/** A new UUIDv7; ids made in this process sort in the order they were made. */
export function newId(now = Date.now()): string {
  // within one millisecond, a 12-bit counter keeps the order (rand_a, RFC 9562 method 1)
  if (now <= lastMs) {
    seq++;
    if (seq > 0xfff) { lastMs++; seq = 0; }
  } else {
    lastMs = now;
    seq = 0;
  }
  const b = random16();
  const ms = lastMs;
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | (seq >>> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
