import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validation, type FieldError } from '../errors';

// Cheap checks on every request before schema validation, so no route can forget them:
// - the raw JSON text is scanned for width and depth before it is parsed: JSON.parse of a
//   1 MB body with 100,000 keys blocks the event loop for 50-300 ms, the scan for ~2 ms;
// - the parsed body, query string and params are walked for NUL characters (PostgreSQL
//   cannot store them: one route forgetting would answer 500), width and depth.
// Both stop at the first problem and answer one problem naming the field.

/** Far above any real request (a check-in has ~25 values). */
export const MAX_VALUES = 1000;
export const MAX_DEPTH = 12;

const shown = (key: string) => key.replaceAll('\u0000', '\\u0000');
// a blank key (`{" ": ...}`) is named by the object holding it, so every problem names a field
const join = (base: string, key: string) => (!key.trim() ? base : base ? `${base}.${shown(key)}` : shown(key));

/** The first problem in a parsed JSON value, or undefined. `root` names the value itself. */
export function inspectInput(value: unknown, root: string, maxValues = MAX_VALUES): FieldError | undefined {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  let count = 0;
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: path || root, key: 'field.nul_character' };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    // Raw file bytes: only the guest-import upload (features/imports/routes.ts) registers a
    // parser that yields them, and its reader checks the file itself (size, type, NUL in CSV).
    if (v instanceof Uint8Array) continue;
    if (depth >= MAX_DEPTH) return { field: path || root, key: 'field.too_deep', params: { limit: MAX_DEPTH } };
    // count before collecting, so a 150,000-key object is refused without copying it
    const size = Array.isArray(v) ? v.length : countKeys(v as object, maxValues - count + 1);
    count += size;
    if (count > maxValues) return { field: path || root, key: 'field.too_many_properties', params: { limit: maxValues } };
    for (const [key, item] of Object.entries(v)) {
      if (key.includes('\u0000')) return { field: join(path, key), key: 'field.nul_character' };
      stack.push([item, join(path, key), depth + 1]);
    }
  }
  return undefined;
}

function countKeys(o: object, stopAt: number): number {
  let n = 0;
  for (const key in o) if (Object.hasOwn(o, key) && ++n >= stopAt) break;
  return n;
}

const [QUOTE, BACKSLASH, COMMA, OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY] = [34, 92, 44, 123, 91, 125, 93];

/** Width and depth of raw JSON text, counted without parsing it (strings are skipped). */
export function scanJson(text: string, maxValues = MAX_VALUES): FieldError | undefined {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > MAX_DEPTH) return { field: 'body', key: 'field.too_deep', params: { limit: MAX_DEPTH } };
      values++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
    else if (c === COMMA && ++values > maxValues) return { field: 'body', key: 'field.too_many_properties', params: { limit: maxValues } };
  }
  return undefined;
}

declare module 'fastify' {
  /** a route that takes many records at once (a batch) raises the body's value limit for itself */
  interface FastifyContextConfig { maxInputValues?: number }
}
const maxValuesOf = (request: FastifyRequest) => request.routeOptions?.config?.maxInputValues ?? MAX_VALUES;

export function registerInputGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error'); // as Fastify's: refuses __proto__ and constructor keys
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const problem = scanJson(body as string, maxValuesOf(request));
    if (problem) done(validation([problem]), undefined);
    else parseJson(request, body as string, done);
  });

  app.addHook('preValidation', async (request) => {
    const problem = inspectInput(request.params, 'params') ?? inspectInput(request.query, 'query') ?? inspectInput(request.body, 'body', maxValuesOf(request));
    if (problem) throw validation([problem]);
  });
}
