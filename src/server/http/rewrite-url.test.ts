import { describe, expect, it } from 'vitest';
import { decodePathColons } from './rewrite-url';

describe('decodePathColons', () => {
  it('decodes an encoded colon in the path, in either case', () => {
    expect(decodePathColons({ url: '/api/v1/stays%3Abatch' })).toBe('/api/v1/stays:batch');
    expect(decodePathColons({ url: '/api/v1/stays%3avalidate' })).toBe('/api/v1/stays:validate');
  });

  it('leaves the query string and every other escape as sent', () => {
    expect(decodePathColons({ url: '/api/v1/stays%3Abatch?since=2026-12-02T00%3A00%3A00Z' })).toBe('/api/v1/stays:batch?since=2026-12-02T00%3A00%3A00Z');
    expect(decodePathColons({ url: '/api/v1/receipts/STTP%2F73.12%2F20261202%2F000001.pdf' })).toBe('/api/v1/receipts/STTP%2F73.12%2F20261202%2F000001.pdf');
    expect(decodePathColons({ url: '/api/v1/stays?q=%3A' })).toBe('/api/v1/stays?q=%3A');
    expect(decodePathColons({})).toBe('/');
  });
});
