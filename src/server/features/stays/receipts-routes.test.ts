import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { receiptNumberFrom } from './receipts-routes';

describe('receipt numbers in URLs', () => {
  it('accepts the dashed form and the decoded one', () => {
    expect(receiptNumberFrom('STTP-73.12-20261130-000042')).toBe('STTP/73.12/20261130/000042');
    expect(receiptNumberFrom('STTP/73.12/20261130/000042')).toBe('STTP/73.12/20261130/000042');
    expect(receiptNumberFrom('garbage-1')).toBe('garbage-1');
  });
});

describe('SINERGI_PUBLIC_URL', () => {
  it('is the base of verify URLs, without a trailing slash; anything but http(s) is refused', () => {
    expect(loadConfig({ SINERGI_PUBLIC_URL: 'https://sinergi.example.go.id/' }).publicUrl).toBe('https://sinergi.example.go.id');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(() => loadConfig({ SINERGI_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(ConfigError);
  });
});
