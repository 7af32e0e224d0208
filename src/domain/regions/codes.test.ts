import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ancestorCodes, isValidRegionCode, isWithinArea, parentCode, provinceCode, regionLevel } from './codes';

describe('region codes', () => {
  it('accepts the four official shapes only', () => {
    for (const ok of ['73', '73.12', '73.12.04', '73.12.04.1001']) expect(isValidRegionCode(ok)).toBe(true);
    for (const bad of ['', '7', '73.1', '73.12.4', '73.12.04.101', '73.12.04.1001.1', '73-12', ' 73', '73.', 'ab']) {
      expect(isValidRegionCode(bad)).toBe(false);
    }
  });

  it('derives level, parent, ancestors and province', () => {
    expect(regionLevel('73')).toBe(1);
    expect(regionLevel('73.12')).toBe(2);
    expect(regionLevel('73.12.04')).toBe(3);
    expect(regionLevel('73.12.04.1001')).toBe(4);
    expect(parentCode('73')).toBeNull();
    expect(parentCode('73.12')).toBe('73');
    expect(parentCode('73.12.04.1001')).toBe('73.12.04');
    expect(ancestorCodes('73.12.04.1001')).toEqual(['73', '73.12', '73.12.04', '73.12.04.1001']);
    expect(provinceCode('73.12.04')).toBe('73');
    expect(() => regionLevel('73.1')).toThrow(RangeError);
  });

  it('tests area membership by whole segments', () => {
    expect(isWithinArea('73.12', '73.12')).toBe(true);
    expect(isWithinArea('73.12', '73.12.04.1001')).toBe(true);
    expect(isWithinArea('73', '73.71.01')).toBe(true);
    expect(isWithinArea('73.12', '73.71')).toBe(false);
    expect(isWithinArea('73.12.04', '73.12')).toBe(false); // a parent is not inside its child
    expect(isWithinArea('73.1', '73.12')).toBe(false);
    expect(isWithinArea('73.12', '73.120.01')).toBe(false);
  });

  it('a region is within each of its ancestors (property)', () => {
    const seg = (n: number, digits: number) => fc.integer({ min: 0, max: n }).map((v) => String(v).padStart(digits, '0'));
    const code = fc.tuple(seg(99, 2), seg(99, 2), seg(99, 2), seg(9999, 4), fc.integer({ min: 1, max: 4 }))
      .map(([a, b, c, d, level]) => [a, b, c, d].slice(0, level).join('.'));
    fc.assert(fc.property(code, (c) => {
      for (const a of ancestorCodes(c)) expect(isWithinArea(a, c)).toBe(true);
      const p = parentCode(c);
      if (p) expect(regionLevel(p)).toBe(regionLevel(c) - 1);
    }));
  });
});
