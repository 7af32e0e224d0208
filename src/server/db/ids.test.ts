import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId (UUIDv7)', () => {
  it('is a version 7, variant 1 UUID carrying the time in milliseconds', () => {
    const at = Date.UTC(2026, 11, 1, 8, 0, 0, 123);
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts in the order made, within one millisecond too', () => {
    const at = Date.now() + 60_000; // ahead of any id made before in this process
    const ids = Array.from({ length: 5000 }, () => newId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newId(at - 1000) > ids.at(-1)!).toBe(true); // a clock going back does not break the order
  });
});
