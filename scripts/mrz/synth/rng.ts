// Small seeded PRNG so every page is reproducible from (seed, index, level).
import { mulberry32 } from '../../../src/domain/random';

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in [a, b) */
  range(a: number, b: number): number;
  /** integer in [a, b] */
  int(a: number, b: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** standard normal (Box–Muller) */
  gauss(): number;
}

/** FNV-1a over a string, for mixing seed parts into one 32-bit state. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The domain's mulberry32 with helpers: fast, good enough for synthetic data, fully deterministic. */
export function makeRng(seed: number | string): Rng {
  const next = mulberry32((typeof seed === 'string' ? hashString(seed) : seed >>> 0) || 0x9e3779b9);
  return {
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    gauss: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}
