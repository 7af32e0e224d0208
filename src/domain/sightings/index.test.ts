import { describe, expect, it } from 'vitest';
import { ACTIVITY_CATEGORIES, ACTIVITY_LABELS, ruleActivity, sniffImage } from '.';

describe('sightings vocabulary', () => {
  it('labels every category in both languages', () => {
    for (const c of ACTIVITY_CATEGORIES) expect(ACTIVITY_LABELS[c].id && ACTIVITY_LABELS[c].en).toBeTruthy();
  });
  it('counts working and trading as work for the rules, nothing else', () => {
    expect(ACTIVITY_CATEGORIES.filter((c) => ruleActivity(c) === 'work')).toEqual(['working', 'trading']);
  });
  it('tells JPEG and PNG by their bytes, and nothing else', () => {
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImage(new TextEncoder().encode('<svg/>'))).toBeNull();
    expect(sniffImage(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});
