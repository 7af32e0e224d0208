// Compact data structures of the watchlist index: growable typed arrays, packed
// number -> list maps, per-query marks on the vocabulary, and small helpers.

export class GrowU32 {
  a: Uint32Array<ArrayBufferLike>;
  n = 0;
  constructor(cap = 1024) {
    this.a = new Uint32Array(cap);
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  trim(): Uint32Array {
    return this.a.slice(0, this.n);
  }
}

/**
 * number -> list of numbers, packed into one Map<number, number> and two typed arrays, so a
 * million keys are not a million small arrays for the garbage collector to trace. A value
 * >= 0 in the map is the only item; a value < 0 is -(list + 1).
 */
export class PackedLists {
  private map = new Map<number, number>();
  private starts: Uint32Array = new Uint32Array(1);
  vals: Uint32Array = new Uint32Array(0);

  static from(src: Map<number, number | number[]>): PackedLists {
    const p = new PackedLists();
    let total = 0;
    let lists = 0;
    for (const v of src.values()) if (typeof v !== 'number') {
      total += v.length;
      lists++;
    }
    p.starts = new Uint32Array(lists + 1);
    p.vals = new Uint32Array(total);
    let li = 0;
    let at = 0;
    for (const [k, v] of src) {
      if (typeof v === 'number') p.map.set(k, v);
      else {
        p.map.set(k, -(li + 1));
        p.starts[li] = at;
        p.vals.set(v, at);
        at += v.length;
        p.starts[++li] = at;
      }
    }
    return p;
  }

  /** Calls fn for each item under key. */
  each(key: number, fn: (v: number) => void): void {
    const code = this.map.get(key);
    if (code === undefined) return;
    if (code >= 0) {
      fn(code);
      return;
    }
    const li = -code - 1;
    for (let i = this.starts[li]; i < this.starts[li + 1]; i++) fn(this.vals[i]);
  }

  get size(): number {
    return this.map.size;
  }
}

export function pushTo(m: Map<number, number | number[]>, k: number, v: number): void {
  const prev = m.get(k);
  if (prev === undefined) m.set(k, v);
  else if (typeof prev === 'number') {
    if (prev !== v) m.set(k, [prev, v]);
  } else if (prev[prev.length - 1] !== v) prev.push(v);
}

/** FNV-1a 32-bit hash of a key (kind letter + text). */
export function h32(kind: string, s: string): number {
  let h = 0x811c9dc5 ^ kind.charCodeAt(0);
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function deletions(t: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    if (i > 0 && t[i] === t[i - 1]) continue;
    out.push(t.slice(0, i) + t.slice(i + 1));
  }
  return out;
}

export function yearBucket(year: number): number {
  if (year <= 0) return 0;
  return Math.max(1, Math.min(255, year - 1850));
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Per-query marks on vocabulary tokens: which query tokens each satisfies, and how well. */
export class VocabMarks {
  mask: Uint32Array;
  best: Float32Array;
  /** Marked by a joined form (ZHANG+WEI -> ZHANGWEI): may stand for several query tokens. */
  joined: Uint8Array;
  stamp: Uint32Array;
  epoch = 0;
  touched: number[] = [];
  constructor(size: number) {
    this.mask = new Uint32Array(size);
    this.best = new Float32Array(size);
    this.joined = new Uint8Array(size);
    this.stamp = new Uint32Array(size);
  }
  reset(): void {
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    this.touched = [];
  }
  or(v: number, bits: number, sim: number, joined = false): void {
    if (this.stamp[v] !== this.epoch) {
      this.stamp[v] = this.epoch;
      this.mask[v] = 0;
      this.best[v] = 0;
      this.joined[v] = 0;
      this.touched.push(v);
    }
    if (joined) this.joined[v] = 1;
    this.mask[v] |= bits;
    if (sim > this.best[v]) this.best[v] = sim;
  }
  maskOf(v: number): number {
    return this.stamp[v] === this.epoch ? this.mask[v] : 0;
  }
}

