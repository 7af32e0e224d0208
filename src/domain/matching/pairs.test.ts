import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INDEX_LIMITS, WatchlistIndex } from './index';
import { TokenPairs } from './pairs';

describe('TokenPairs', () => {
  // names: 0 = [A B C], 1 = [B A], 2 = [A], 3 = [A de B] (de a particle), 4 = [C C]
  const tokStart = new Uint32Array([0, 3, 5, 6, 9, 11]);
  const tokIds = new Uint32Array([0, 1, 2, 1, 0, 0, 0, 3, 1, 2, 2]);
  const particle = new Set([7]);
  // name -> birth-year buckets of its entry
  const buckets = [[0], [130], [0], [128, 131], [0]];
  const pairs = TokenPairs.build(tokStart, tokIds, (k) => !particle.has(k), 4, (n) => buckets[n]!);
  const names = (x: number, y: number, bucket = 0) => {
    const out: number[] = [];
    pairs.each(x, y, bucket, (n) => out.push(n));
    return [...new Set(out)].sort();
  };

  it('finds the names holding both tokens, in either order, particles apart', () => {
    expect(names(0, 1)).toEqual([0, 1, 3]);
    expect(names(1, 0)).toEqual([0, 1, 3]);
    expect(names(1, 2)).toEqual([0]);
    expect(names(0, 3)).toEqual([]);
    expect(names(2, 2)).toEqual([4]);
    expect(names(3, 3)).toEqual([]);
  });

  it('with a birth year, reads the names without one and those born within a bucket of it', () => {
    expect(names(0, 1, 129)).toEqual([0, 1, 3]);
    expect(names(0, 1, 131)).toEqual([0, 1, 3]);
    expect(names(0, 1, 133)).toEqual([0]);
    expect(names(0, 1, 126)).toEqual([0]);
    expect(names(0, 1, 127)).toEqual([0, 3]);
  });

  it('lists single-token names by token', () => {
    const single = (v: number) => {
      const out: number[] = [];
      pairs.eachSingle(v, (n) => out.push(n));
      return out;
    };
    expect(single(0)).toEqual([2]);
    expect(single(1)).toEqual([]);
  });
});

describe('candidates by token pairs', () => {
  const saved = { ...INDEX_LIMITS };
  afterEach(() => {
    Object.assign(INDEX_LIMITS, saved);
  });

  // A dense list: few tokens, many namesakes, so both ways of finding candidates are exercised.
  const given = ['Muhammad', 'Mohammed', 'Ali', 'Wei', 'Zhang', 'Sergei', 'Anna', 'Kim', 'Min', 'Su', 'Jan', 'Lee'];
  const surnames = ['Ivanov', 'Zhang', 'Wang', 'Rashid', 'Al Rashid', 'Kim', 'Van der Berg', 'Petrova', 'Zhangwei', 'Minsu', 'Ali'];
  const person = fc.record({
    g: fc.array(fc.constantFrom(...given), { minLength: 0, maxLength: 2 }),
    s: fc.constantFrom(...surnames),
    dob: fc.option(fc.tuple(fc.integer({ min: 1950, max: 1990 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })), { nil: undefined }),
  });
  const date = (d?: [number, number, number]) => (d ? `${d[0]}-${String(d[1]).padStart(2, '0')}-${String(d[2]).padStart(2, '0')}` : undefined);

  it('finds a name whose one token stands for two of the query (joined), and single-token names', () => {
    const ix = new WatchlistIndex();
    ix.add({ id: 'joined', list: 'l', names: ['Anna Zhangwei'], datesOfBirth: ['1975-06-01'] });
    ix.add({ id: 'single', list: 'l', names: ['Zhang'], datesOfBirth: ['1975-06-01'] });
    for (let i = 0; i < 200; i++) ix.add({ id: `f${i}`, list: 'l', names: [`Wei Zhang${String.fromCharCode(65 + (i % 26))}x`] });
    ix.build();
    INDEX_LIMITS.pairLookupCost = 0;
    INDEX_LIMITS.pairWalkCost = 0;
    // no birth date: entries born that day would be candidates anyway
    const hits = ix.match({ names: ['Wei Zhang'] }, { threshold: 0.5 }).map((h) => h.entity);
    expect(hits).toContain('joined');
    expect(hits).toContain('single');
  });

  it('gives the same hits as reading the plain postings', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 50, maxLength: 400 }), fc.array(person, { minLength: 1, maxLength: 20 }), (listed, queries) => {
        const ix = new WatchlistIndex();
        listed.forEach((p, i) => ix.add({ id: `e${i}`, list: 'l', names: [`${p.g.join(' ')} ${p.s}`.trim()], datesOfBirth: p.dob ? [date(p.dob)!] : [] }));
        ix.build();
        for (const q of queries) {
          const query = { names: [`${q.g.join(' ')} ${q.s}`.trim()], dateOfBirth: date(q.dob) };
          // a low threshold lets single-token and joined names through; the default narrows by year
          for (const threshold of [0.4, 0.85]) {
            INDEX_LIMITS.pairLookups = 0;
            const plain = ix.match(query, { limit: 50, threshold });
            INDEX_LIMITS.pairLookups = 1_000_000;
            // always by pairs: walking partners, then searching each pair
            for (const [walkCost, searchCost] of [[0, 1e-9], [1e9, 0]]) {
              INDEX_LIMITS.pairWalkCost = walkCost;
              INDEX_LIMITS.pairLookupCost = searchCost;
              const byPairs = ix.match(query, { limit: 50, threshold });
              expect(byPairs.map((h) => [h.entity, h.score])).toEqual(plain.map((h) => [h.entity, h.score]));
            }
          }
        }
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
