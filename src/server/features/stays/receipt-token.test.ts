import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readReceiptToken, receiptToken, tokenFrom } from './receipt-token';

describe('receipt token', () => {
  const key = randomBytes(32);
  const id = randomUUID();

  it('is short and reads back to the stay it names', () => {
    const token = receiptToken(key, id);
    expect(token).toHaveLength(40);
    expect(readReceiptToken(key, token)).toBe(id);
    expect(tokenFrom(`https://sinergi.example/verify/${token}`)).toBe(token);
  });

  it('refuses every token with one character changed, and another key', () => {
    const token = receiptToken(key, id);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < token.length; i++) {
      for (const c of alphabet) {
        if (c === token[i]) continue;
        expect(readReceiptToken(key, token.slice(0, i) + c + token.slice(i + 1))).toBeNull();
      }
    }
    expect(readReceiptToken(randomBytes(32), token)).toBeNull();
    expect(readReceiptToken(key, 'garbage')).toBeNull();
    expect(readReceiptToken(key, `${token}A`)).toBeNull();
  });
});
