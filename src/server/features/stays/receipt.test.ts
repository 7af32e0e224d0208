import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { receiptQrPayload, receiptSignature } from './receipt';

describe('receipt QR signature', () => {
  const key = randomBytes(32);
  const stay = { receipt_number: 'STTP/73.12/20261128/000001', id: '5b0c4c1e-0000-4000-8000-000000000001' };

  it('carries the receipt number, the stay id and a signature over both', () => {
    const [tag, number, id, signature] = receiptQrPayload(key, stay).split('|');
    expect([tag, number, id]).toEqual(['SINERGI1', stay.receipt_number, stay.id]);
    expect(signature).toBe(receiptSignature(key, number, id));
  });

  it('does not match an edited receipt number or another key', () => {
    const signature = receiptSignature(key, stay.receipt_number, stay.id);
    expect(receiptSignature(key, 'STTP/73.12/20261128/000002', stay.id)).not.toBe(signature);
    expect(receiptSignature(randomBytes(32), stay.receipt_number, stay.id)).not.toBe(signature);
  });
});
