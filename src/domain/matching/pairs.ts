// Postings by pairs of tokens: for two vocabulary tokens, the names holding both.
//
// A query with two or more tokens only passes names matching two of them. When every query
// token is common (MUHAMMAD, WANG, KIM), reading one token's postings brings thousands of
// names to turn away one by one; asking for the names that hold a similar token for each of
// two query tokens brings only those that can pass. The index is a CSR of names per distinct
// token pair, found through an open-addressing hash table kept in typed arrays (a million
// names hold a few million pairs; a JS Map of them would weigh several times more). Within a
// pair the names are ordered by birth-year bucket (0: no date of birth; an entry with several
// dates is there once per year), so a query with a date of birth reads the years around it only.

const EMPTY = 0;

export class TokenPairs {
  /** per slot, side by side (one cache line read per probe): first token + 1 (0: empty), second token, run */
  private slots: Uint32Array = new Uint32Array(0);
  private mask = 0;
  /** run -> first name in `names` (CSR) */
  private runStart: Uint32Array = new Uint32Array(1);
  /** names of each run, by birth-year bucket then name */
  names: Uint32Array = new Uint32Array(0);
  /** the birth-year bucket of each item of `names` */
  private buckets: Uint8Array = new Uint8Array(0);
  /** names with a single token that counts (particles apart), by token (CSR) */
  private singleStart: Uint32Array = new Uint32Array(1);
  private singles: Uint32Array = new Uint32Array(0);

  /**
   * Builds from the names' tokens (CSR: name n holds tokIds[tokStart[n]..tokStart[n+1]]);
   * `counts(k)` says whether the token at position k counts (particles do not); `bucketsOf(n)`
   * gives the distinct birth-year buckets of name n's entry ([0] without a date of birth).
   */
  static build(tokStart: Uint32Array, tokIds: Uint32Array, counts: (k: number) => boolean, vocabSize: number, bucketsOf: (n: number) => number[]): TokenPairs {
    const p = new TokenPairs();
    const N = tokStart.length - 1;
    // 1. Every pair of counting tokens of a name, smaller token first, once per name.
    let total = 0;
    const own: number[] = [];
    const eachPair = (n: number, fn: (a: number, b: number) => void) => {
      own.length = 0;
      for (let k = tokStart[n]; k < tokStart[n + 1]; k++) if (counts(k)) own.push(tokIds[k]);
      const seen: number[] = [];
      for (let i = 0; i < own.length; i++) {
        for (let j = i + 1; j < own.length; j++) {
          const a = Math.min(own[i], own[j]);
          const b = Math.max(own[i], own[j]);
          let dup = false;
          for (let s = 0; s < seen.length; s += 2) if (seen[s] === a && seen[s + 1] === b) dup = true;
          if (dup) continue;
          seen.push(a, b);
          fn(a, b);
        }
      }
    };
    for (let n = 0; n < N; n++) {
      const k = bucketsOf(n).length;
      eachPair(n, () => (total += k));
    }
    const pa = new Uint32Array(total);
    const pb = new Uint32Array(total);
    const pn = new Uint32Array(total);
    const pk = new Uint32Array(total);
    let at = 0;
    for (let n = 0; n < N; n++) {
      const bs = bucketsOf(n);
      eachPair(n, (a, b) => {
        for (const k of bs) {
          pa[at] = a;
          pb[at] = b;
          pk[at] = k;
          pn[at++] = n;
        }
      });
    }
    // 2. Sorted by (first, second, bucket, name): stable counting sorts, by bucket, second, first.
    const byBucket = countingOrder(pk, null, 256);
    const bySecond = countingOrder(pb, byBucket, vocabSize);
    const order = countingOrder(pa, bySecond, vocabSize);
    // 3. Runs of equal pairs, and the table that finds them.
    let runs = 0;
    for (let i = 0; i < total; i++) {
      const o = order[i];
      if (i === 0 || pa[o] !== pa[order[i - 1]] || pb[o] !== pb[order[i - 1]]) runs++;
    }
    let cap = 16;
    while (cap * 0.7 < runs) cap *= 2;
    p.mask = cap - 1;
    p.slots = new Uint32Array(cap * 3);
    p.runStart = new Uint32Array(runs + 1);
    p.names = new Uint32Array(total);
    p.buckets = new Uint8Array(total);
    let run = -1;
    for (let i = 0; i < total; i++) {
      const o = order[i];
      if (i === 0 || pa[o] !== pa[order[i - 1]] || pb[o] !== pb[order[i - 1]]) {
        run++;
        p.runStart[run] = i;
        let s = hash(pa[o], pb[o]) & p.mask;
        while (p.slots[s * 3] !== EMPTY) s = (s + 1) & p.mask;
        p.slots[s * 3] = pa[o] + 1;
        p.slots[s * 3 + 1] = pb[o];
        p.slots[s * 3 + 2] = run;
      }
      p.names[i] = pn[o];
      p.buckets[i] = pk[o];
    }
    p.runStart[runs] = total;
    // 4. Single-token names by token.
    const singleOf = (n: number) => {
      let only = -1;
      for (let k = tokStart[n]; k < tokStart[n + 1]; k++) if (counts(k)) {
        if (only >= 0) return -1;
        only = tokIds[k];
      }
      return only;
    };
    const singleCount = new Uint32Array(vocabSize + 1);
    for (let n = 0; n < N; n++) {
      const v = singleOf(n);
      if (v >= 0) singleCount[v + 1]++;
    }
    for (let v = 0; v < vocabSize; v++) singleCount[v + 1] += singleCount[v];
    p.singleStart = singleCount.slice();
    p.singles = new Uint32Array(singleCount[vocabSize]);
    for (let n = 0; n < N; n++) {
      const v = singleOf(n);
      if (v >= 0) p.singles[singleCount[v]++] = n;
    }
    return p;
  }

  /**
   * Calls fn for each name holding both tokens (a name may come more than once); with a birth
   * year bucket, only the names without a date of birth and those born within a bucket of it.
   */
  each(x: number, y: number, bucket: number, fn: (n: number) => void): void {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const slots = this.slots;
    let s = hash(a, b) & this.mask;
    for (;;) {
      const ka = slots[s * 3];
      if (ka === EMPTY) return;
      if (ka === a + 1 && slots[s * 3 + 1] === b) break;
      s = (s + 1) & this.mask;
    }
    const r = slots[s * 3 + 2];
    const start = this.runStart[r];
    const end = this.runStart[r + 1];
    const names = this.names;
    if (bucket === 0) {
      for (let i = start; i < end; i++) fn(names[i]);
      return;
    }
    const buckets = this.buckets;
    let i = start;
    for (; i < end && buckets[i] === 0; i++) fn(names[i]);
    // the first item born in bucket - 1 or later
    let lo = i;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (buckets[mid] < bucket - 1) lo = mid + 1;
      else hi = mid;
    }
    for (i = lo; i < end && buckets[i] <= bucket + 1; i++) fn(names[i]);
  }

  /** Calls fn for each name whose only counting token is v. */
  eachSingle(v: number, fn: (n: number) => void): void {
    for (let i = this.singleStart[v]; i < this.singleStart[v + 1]; i++) fn(this.singles[i]);
  }

  bytes(): number {
    return this.slots.byteLength + this.runStart.byteLength + this.names.byteLength + this.buckets.byteLength + this.singleStart.byteLength + this.singles.byteLength;
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/** A stable order of items by key (0..size-1), after `within` (or the items' own order). */
function countingOrder(key: Uint32Array, within: Uint32Array | null, size: number): Uint32Array {
  const start = new Uint32Array(size + 1);
  for (let i = 0; i < key.length; i++) start[key[i] + 1]++;
  for (let v = 0; v < size; v++) start[v + 1] += start[v];
  const out = new Uint32Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const o = within ? within[i] : i;
    out[start[key[o]]++] = o;
  }
  return out;
}
