import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError, type ProblemCode } from '../errors';
import { type Lang, languageOf, type MessageKey, translate } from '../i18n/messages';

const TYPE_BASE = 'https://sinergi.example/problems/';
/** An answer lists at most this many problems: enough for a form, too few to amplify an attack. */
export const MAX_PROBLEMS = 20;

interface AjvError { instancePath?: string; keyword: string; params?: Record<string, unknown>; message?: string }

/** Maps one ajv error to a field path (dots) and a message key. */
export function fieldErrorFromAjv(e: AjvError): FieldError {
  const base = (e.instancePath ?? '').split('/').filter(Boolean).join('.') || 'body';
  // an empty key (`{"": 1}`) is named by the object holding it, so every error names a field
  const join = (name: string) => (!name.trim() ? base : base !== 'body' ? `${base}.${name}` : name);
  const p = e.params ?? {};
  switch (e.keyword) {
    case 'required': return { field: join(String(p.missingProperty)), key: 'field.required' };
    case 'additionalProperties': return { field: join(String(p.additionalProperty)), key: 'field.unknown_property' };
    case 'maxLength': return { field: base, key: 'field.too_long', params: { limit: Number(p.limit) } };
    case 'minLength':
      return Number(p.limit) <= 1 ? { field: base, key: 'field.required' } : { field: base, key: 'field.too_short', params: { limit: Number(p.limit) } };
    case 'enum': return { field: base, key: 'field.bad_enum', params: { allowed: ((p.allowedValues as unknown[]) ?? []).join(', ') } };
    case 'type': return { field: base, key: 'field.bad_type', params: { type: String(p.type) } };
    case 'format': return { field: base, key: p.format === 'date' ? 'field.bad_date' : 'field.bad_format' };
    case 'pattern': return { field: base, key: datePatternKey(String(p.pattern)) };
    case 'minimum': return { field: base, key: 'field.below_minimum', params: { limit: Number(p.limit) } };
    case 'maximum': return { field: base, key: 'field.above_maximum', params: { limit: Number(p.limit) } };
    default: return { field: base, key: 'field.bad_format' };
  }
}

/** A date pattern (yyyy-mm-dd) says so; one that also takes a time asks for an ISO 8601 instant. */
function datePatternKey(pattern: string): MessageKey {
  if (!/\\d\{4\}-/.test(pattern)) return 'field.bad_format';
  return pattern.includes('T\\d{2}') ? 'field.bad_datetime' : 'field.bad_date';
}

/** A header's problem names the header as clients write it; a malformed Idempotency-Key is told what a key may be. */
function headerFieldError(e: AjvError): FieldError {
  const error = fieldErrorFromAjv(e);
  if (error.field !== 'idempotency-key') return error;
  return { field: 'Idempotency-Key', key: error.key === 'field.required' ? error.key : 'field.idempotency_key_format' };
}

/** The problem+json document (RFC 9457) for a status, code and field errors, in the caller's language. */
export function problemBody(
  lang: Lang, status: number, code: ProblemCode, errors: FieldError[], detail?: string, extensions: Record<string, unknown> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    ...extensions,
    type: TYPE_BASE + code,
    title: translate(lang, `problem.${code}`),
    status,
    code,
  };
  if (detail) body.detail = detail;
  if (errors.length) body.errors = errors.slice(0, MAX_PROBLEMS).map((e) => ({ field: e.field, message: translate(lang, e.key, e.params) }));
  return body;
}

/** The problem document of an AppError (what the error handler would answer). */
export function problemOfError(lang: Lang, error: AppError): Record<string, unknown> {
  return problemBody(lang, error.status, error.code, error.fieldErrors, error.detailKey ? translate(lang, error.detailKey, error.detailParams) : undefined, error.extensions);
}

export function sendProblem(
  reply: FastifyReply, lang: Lang, status: number, code: ProblemCode, errors: FieldError[], detail?: string, extensions: Record<string, unknown> = {},
) {
  return reply.status(status).type('application/problem+json').send(problemBody(lang, status, code, errors, detail, extensions));
}

/** The one error handler: every failure leaves as problem+json; 5xx never leak details. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = languageOf(request.headers['accept-language']);
    if (error instanceof AppError) {
      const detail = error.detailKey ? translate(lang, error.detailKey, error.detailParams) : undefined;
      return sendProblem(reply, lang, error.status, error.code, error.fieldErrors, detail, error.extensions);
    }
    const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      const seen = new Set<string>();
      const toField = fe.validationContext === 'headers' ? headerFieldError : fieldErrorFromAjv;
      const errors = fe.validation.slice(0, 10 * MAX_PROBLEMS).map(toField).filter((e) => !seen.has(e.field) && seen.add(e.field));
      return sendProblem(reply, lang, 400, 'validation', errors);
    }
    const status = fe.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, lang, 413, 'payload_too_large', []);
    if (status === 415) return sendProblem(reply, lang, 415, 'unsupported_media_type', []);
    if (status === 429) return sendProblem(reply, lang, 429, 'rate_limited', []);
    if (status >= 400 && status < 500) {
      // e.g. malformed JSON body: say so in a problem document
      return sendProblem(reply, lang, status, 'validation', [{ field: 'body', key: 'field.bad_format' }]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, lang, 500, 'internal', []);
  });
}

/**
 * Fastify's router answers a bad URL encoding (400) and an over-long path parameter (414,
 * beyond maxParamLength) before any route runs; this makes those problem+json as well.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(request.headers['accept-language']);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, lang, 414, 'uri_too_long', []);
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, lang, 400, 'validation', [{ field: 'url', key: 'field.bad_format' }]);
  request.log.error({ err: error }, 'router error');
  return sendProblem(reply, lang, 500, 'internal', []);
}

/**
 * Node's HTTP parser refuses a request line or headers over its limit (16 KB, so also an
 * over-long URL) before Fastify sees it; answer that as problem+json on the raw socket.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ProblemCode] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'header_too_large']
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'timeout'] : [400, 'validation'];
  const body = JSON.stringify({ type: TYPE_BASE + code, title: translate('id', `problem.${code}`), status, code });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
