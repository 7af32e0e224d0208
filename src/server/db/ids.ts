import { randomBytes } from 'node:crypto';

// Row ids for tables that grow by the thousand (stays, persons, documents, outbox events):
// UUID version 7 (RFC 9562), the time in milliseconds first and random bits after. A random
// (version 4) id lands anywhere in a primary-key index, so a batch of 100 check-ins rewrote
// a page of each index per row, and the pages written per commit grew with the table; ids
// in time order are appended at the end of the index, a few pages per batch.

let lastMs = 0;
let seq = 0;
// Random bytes drawn 4 KiB at a time: one draw per id was a twentieth of a re-screen's time.
// An id takes 8 of them (the time and the counter fill the rest) and is spelled from a table:
// a Buffer per id and its hex conversion were half of newId's time in an import.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolAt = POOL_BYTES;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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
  if (poolAt + 8 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const r = pool;
  const p = poolAt;
  poolAt += 8;
  const ms = lastMs;
  const high = Math.floor(ms / 2 ** 32); // the top 16 of the 48 time bits
  const low = ms >>> 0;
  return HEX[(high >>> 8) & 0xff]! + HEX[high & 0xff]! + HEX[low >>> 24]! + HEX[(low >>> 16) & 0xff]! + '-'
    + HEX[(low >>> 8) & 0xff]! + HEX[low & 0xff]! + '-'
    + HEX[0x70 | (seq >>> 8)]! + HEX[seq & 0xff]! + '-' // version 7
    + HEX[0x80 | (r[p]! & 0x3f)]! + HEX[r[p + 1]!]! + '-' // variant 1
    + HEX[r[p + 2]!]! + HEX[r[p + 3]!]! + HEX[r[p + 4]!]! + HEX[r[p + 5]!]! + HEX[r[p + 6]!]! + HEX[r[p + 7]!]!;
}
