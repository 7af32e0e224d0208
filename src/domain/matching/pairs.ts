// Postings by pairs of tokens: for two vocabulary tokens, the names holding both.
//
// A query with two or more tokens only passes names matching two of them. When every query
// token is common (MUHAMMAD, WANG, KIM), reading one token's postings brings thousands of
// names to turn away one by one; asking for the names that hold a similar token for each of
// two query tokens brings only those that can pass. Each token keeps the sorted list of the
// tokens it shares a name with (its partners), each with the run of those names: a query walks
// a token's partners in order (memory read in sequence, not probed at random) or, for a token
// with very many partners, finds one by binary search. Within a run the names are ordered by
// birth-year bucket (0: no date of birth; an entry with several dates is there once per year),
// so a query with a date of birth reads the years around it only.

export class TokenPairs {
  /** token -> its partners (CSR, ascending) and, beside each, the run of names holding both */
  private partnerStart: Uint32Array = new Uint32Array(1);
  private partnerTok: Uint32Array = new Uint32Array(0);
  private partnerRun: Uint32Array = new Uint32Array(0);
  /** run -> first name in `names` (CSR) */
  private runStart: Uint32Array = new Uint32Array(1);
  /** names of each run, by birth-year bucket then name */
  private names: Uint32Array = new Uint32Array(0);
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
    // 3. Runs of equal pairs, and each token's partners (runs come by first token, then second,
    // so every token's list fills in ascending order: partners below it first, then above).
    let runs = 0;
    const degree = new Uint32Array(vocabSize + 1);
    for (let i = 0; i < total; i++) {
      const o = order[i];
      if (i === 0 || pa[o] !== pa[order[i - 1]] || pb[o] !== pb[order[i - 1]]) {
        runs++;
        degree[pa[o] + 1]++;
        if (pb[o] !== pa[o]) degree[pb[o] + 1]++;
      }
    }
    for (let v = 0; v < vocabSize; v++) degree[v + 1] += degree[v];
    p.partnerStart = degree.slice();
    p.partnerTok = new Uint32Array(degree[vocabSize]);
    p.partnerRun = new Uint32Array(degree[vocabSize]);
    p.runStart = new Uint32Array(runs + 1);
    p.names = new Uint32Array(total);
    p.buckets = new Uint8Array(total);
    let run = -1;
    for (let i = 0; i < total; i++) {
      const o = order[i];
      const a = pa[o];
      const b = pb[o];
      if (i === 0 || a !== pa[order[i - 1]] || b !== pb[order[i - 1]]) {
        run++;
        p.runStart[run] = i;
        p.partnerTok[degree[a]] = b;
        p.partnerRun[degree[a]++] = run;
        if (b !== a) {
          p.partnerTok[degree[b]] = a;
          p.partnerRun[degree[b]++] = run;
        }
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

  /** The run of names holding both tokens, by binary search in x's partners; -1 when none. */
  find(x: number, y: number): number {
    let lo = this.partnerStart[x];
    let hi = this.partnerStart[x + 1];
    const tok = this.partnerTok;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tok[mid] < y) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.partnerStart[x + 1] && tok[lo] === y ? this.partnerRun[lo] : -1;
  }

  /** How many tokens v shares a name with. */
  degree(v: number): number {
    return this.partnerStart[v + 1] - this.partnerStart[v];
  }

  /**
   * Calls fn for each name of a run (a name may come more than once); with a birth-year bucket,
   * only the names without a date of birth and those born within a bucket of it.
   */
  eachInRun(r: number, bucket: number, fn: (n: number) => void): void {
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

  /** Calls fn for each name holding both tokens (see eachInRun). */
  each(x: number, y: number, bucket: number, fn: (n: number) => void): void {
    const r = this.find(x, y);
    if (r >= 0) this.eachInRun(r, bucket, fn);
  }

  /**
   * The names holding a token of group A and one of group B (vocabulary tokens marked for
   * query bits aBit and bBit): walks the partners of the side with fewer, keeping those marked
   * for the other bit, or, when both sides have very many, searches each pair.
   */
  readBetween(a: number[], aBit: number, b: number[], bBit: number, bucket: number, marks: { maskOf(v: number): number }, fn: (n: number) => void, costs: PairCosts): void {
    let degA = 0;
    let degB = 0;
    for (const v of a) degA += this.degree(v);
    for (const v of b) degB += this.degree(v);
    if (pairReadPlan(a.length, degA, b.length, degB, costs).searches) {
      for (const x of a) for (const y of b) this.each(x, y, bucket, fn);
      return;
    }
    const [walk, other] = degA <= degB ? [a, bBit] : [b, aBit];
    const tok = this.partnerTok;
    const run = this.partnerRun;
    for (const x of walk) {
      for (let p = this.partnerStart[x]; p < this.partnerStart[x + 1]; p++) {
        if (marks.maskOf(tok[p]) & other) this.eachInRun(run[p], bucket, fn);
      }
    }
  }

  /** Calls fn for each name whose only counting token is v. */
  eachSingle(v: number, fn: (n: number) => void): void {
    for (let i = this.singleStart[v]; i < this.singleStart[v + 1]; i++) fn(this.singles[i]);
  }

  bytes(): number {
    return this.partnerStart.byteLength + this.partnerTok.byteLength * 2 + this.runStart.byteLength + this.names.byteLength + this.buckets.byteLength + this.singleStart.byteLength + this.singles.byteLength;
  }
}

/** What a pair search and a step over one partner cost, against reading one plain posting. */
export interface PairCosts { pairLookupCost: number; pairWalkCost: number }

/**
 * How to read the pairs between two groups of tokens (sizes and total partners), priced in
 * posting reads: walk the partners of the smaller side, or search every pair.
 */
export function pairReadPlan(sizeA: number, degA: number, sizeB: number, degB: number, costs: PairCosts): { cost: number; searches: boolean } {
  const walk = Math.min(degA, degB) * costs.pairWalkCost;
  const search = sizeA * sizeB * costs.pairLookupCost;
  return search < walk ? { cost: search, searches: true } : { cost: walk, searches: false };
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
