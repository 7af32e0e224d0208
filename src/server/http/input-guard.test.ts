import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_VALUES, inspectInput, scanJson } from './input-guard';

describe('input guard', () => {
  it('lets ordinary requests through', () => {
    expect(inspectInput({ guest: { surname: 'TESTSSON', document: { number: 'X1' } }, tags: ['a', 1, null] }, 'body')).toBeUndefined();
    expect(inspectInput(undefined, 'body')).toBeUndefined();
    expect(inspectInput('text', 'body')).toBeUndefined();
  });
  it('names the field holding a NUL, in values and in keys', () => {
    expect(inspectInput({ guest: { surname: 'A\u0000' } }, 'body')).toEqual({ field: 'guest.surname', key: 'field.nul_character' });
    expect(inspectInput({ list: ['ok', 'b\u0000'] }, 'body')?.field).toBe('list.1');
    expect(inspectInput({ 'a\u0000b': 1 }, 'body')?.field).toBe('a\\u0000b');
    expect(inspectInput('\u0000', 'body')?.field).toBe('body');
  });
  it('finds a NUL wherever it hides (property)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string(), (value, prefix) => {
      const holder = { wrapped: value, x: `${prefix}\u0000` };
      expect(inspectInput(holder, 'body')?.key).toBe('field.nul_character');
    }));
  });
  it('refuses bodies too wide or too deep, with one problem', () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_VALUES + 1 }, (_, i) => [`k${i}`, i]));
    expect(inspectInput(wide, 'body')).toEqual({ field: 'body', key: 'field.too_many_properties', params: { limit: MAX_VALUES } });
    expect(inspectInput({ list: Array(MAX_VALUES + 5).fill(0) }, 'body')?.key).toBe('field.too_many_properties');
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH + 1; i++) deep = { a: deep };
    expect(inspectInput(deep, 'body')?.key).toBe('field.too_deep');
  });
});

describe('raw JSON scan (before parsing)', () => {
  it('passes any JSON value within the limits (property)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
      const text = JSON.stringify(value);
      if (inspectInput(value, 'body')?.key === undefined) expect(scanJson(text)).toBeUndefined();
    }));
  });
  it('ignores brackets and commas inside strings, escaped quotes included', () => {
    expect(scanJson(JSON.stringify({ a: '{[,'.repeat(5000), b: 'x\\"{[' }))).toBeUndefined();
  });
  it('refuses wide and deep text without parsing it', () => {
    expect(scanJson(`{${Array.from({ length: MAX_VALUES + 2 }, (_, i) => `"k${i}":1`).join(',')}}`)?.key).toBe('field.too_many_properties');
    expect(scanJson(`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`)?.key).toBe('field.too_deep');
    expect(scanJson('{"a":'.repeat(100000))?.key).toBe('field.too_deep');
  });
});

describe('raw uploads', () => {
  it('leaves file bytes (the import upload) to their own reader', () => {
    expect(inspectInput(Buffer.alloc(5000, 0), 'body')).toBeUndefined();
    expect(inspectInput({ nested: new Uint8Array(5000) }, 'body')).toBeUndefined();
  });
});
