import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

// Hotel software may compress what it sends (a batch of 500 check-ins shrinks tenfold), and
// said so with Content-Encoding; the body was then parsed compressed and refused as "invalid
// format". Bodies in gzip, deflate or br are decoded before parsing, and any other coding is
// refused as 415 naming Content-Encoding. The route's body limit applies to the decoded bytes
// (Fastify counts what it reads from this stream), and decoding stops once the request is
// answered: a small "zip bomb" costs about what a body of the limit's size costs.

const decoders: Record<string, () => Transform> = {
  gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress,
};

/** Decodes compressed request bodies before they are parsed (preParsing). */
export function registerContentDecoding(app: FastifyInstance): void {
  // a callback, not an async hook: every request passes here, nearly all uncompressed
  app.addHook('preParsing', (request, reply, payload, done) => {
    const coding = request.headers['content-encoding']?.trim().toLowerCase();
    if (!coding || coding === 'identity') { done(null, payload); return; }
    const decoder = decoders[coding]?.();
    if (!decoder) { done(new AppError(415, 'unsupported_media_type', [{ field: 'Content-Encoding', key: 'field.content_encoding' }])); return; }
    // answered (413 past the limit, or any other end): nothing more to decode
    reply.raw.once('close', () => { payload.unpipe(decoder); decoder.destroy(); });
    done(null, decoding(payload, decoder));
  });
}

function decoding(payload: Readable, decoder: Transform): Readable {
  // Fastify compares the bytes received with Content-Length: here, the encoded ones
  const decoded = decoder as Transform & { receivedEncodedLength: number };
  decoded.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => { decoded.receivedEncodedLength += chunk.length; });
  payload.on('error', (err) => decoder.destroy(err));
  return payload.pipe(decoder);
}
