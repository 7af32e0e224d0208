import { describe, expect, it } from 'vitest';
import { mulberry32, pickWeighted, randInt, seededUuid } from './random';

describe('seeded random', () => {
  it('repeats for the same seed and differs between seeds', () => {
    const a = mulberry32(42), b = mulberry32(42), c = mulberry32(43);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws integers in range and respects weights roughly', () => {
    const rng = mulberry32(7);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) {
      const n = randInt(rng, 3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
      counts[pickWeighted(rng, [['a', 3], ['b', 1]] as const)]++;
    }
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });

  it('makes v4-shaped uuids', () => {
    expect(seededUuid(mulberry32(1))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
