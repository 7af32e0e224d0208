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

describe('receipt PDF', () => {
  it('carries the QR code of its verify URL', async () => {
    const { renderReceiptPdf } = await import('./receipt');
    const { pdfHasQrOf } = await import('../../../../test/fixtures/pdf-qr');
    const verifyUrl = 'http://localhost:3000/verify/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_Ab';
    const pdf = await renderReceiptPdf({
      receiptNumber: 'STTP/73.12/20261130/000001', office: 'Kantor Imigrasi', reportedAt: '2026-11-30 10:00 WITA', auditPosition: null,
      token: verifyUrl.slice(-40), verifyUrl, lodging: { name: 'Hotel', address: '' }, guests: [],
    });
    expect(pdfHasQrOf(pdf, verifyUrl)).toBe(true);
    expect(pdfHasQrOf(pdf, verifyUrl.replace('AbC', 'AbD'))).toBe(false);
  });
});
