import { createHmac, timingSafeEqual } from 'node:crypto';

// The token a receipt's QR code carries: version byte, the receipt's head stay id (16 bytes of
// its UUID) and a 13-byte HMAC-SHA256 tag under the server's receipt key: 30 bytes, 40
// base64url characters with no padding bits, so a small QR holds the whole verify URL and any
// changed character changes the bytes (and is refused). Receipts never expire: no time inside.

const VERSION = 1;
const TAG_BYTES = 13;
const TOKEN = /^[A-Za-z0-9_-]{40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const tag = (key: Buffer, body: Buffer) => createHmac('sha256', key).update('sinergi-receipt\n').update(body).digest().subarray(0, TAG_BYTES);

export function receiptToken(key: Buffer, headStayId: string): string {
  if (!UUID.test(headStayId)) throw new Error(`receipt token: stay id is not a UUID: ${headStayId}`);
  const body = Buffer.concat([Buffer.from([VERSION]), Buffer.from(headStayId.replaceAll('-', ''), 'hex')]);
  return Buffer.concat([body, tag(key, body)]).toString('base64url');
}

/** The head stay id a genuine token names, or null for anything else (never throws). */
export function readReceiptToken(key: Buffer, token: string): string | null {
  if (!TOKEN.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 1 + 16 + TAG_BYTES || raw[0] !== VERSION || raw.toString('base64url') !== token) return null;
  const body = raw.subarray(0, 17);
  if (!timingSafeEqual(raw.subarray(17), tag(key, body))) return null;
  const hex = body.subarray(1).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The token inside what a scanner read: a bare token or a verify URL ending in one. */
export function tokenFrom(code: string): string | null {
  const m = /(?:^|\/verify\/)([A-Za-z0-9_-]{40})\/?$/.exec(code.trim());
  return m ? m[1]! : null;
}
