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

/** A value met in the walk: the path to it is spelled only when it names a problem. */
interface Visit { value: unknown; key: string; parent: Visit | null; depth: number }

// a blank key (`{" ": ...}`) is named by the object holding it, so every problem names a field
function pathOf(visit: Visit, root: string): string {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) if (v.key.trim()) keys.push(shown(v.key));
  return keys.length ? keys.reverse().join('.') : root;
}

/** The first problem in a parsed JSON value, or undefined. `root` names the value itself. */
export function inspectInput(value: unknown, root: string, maxValues = MAX_VALUES): FieldError | undefined {
  // a check-in has some 25 values and every request is walked: no path strings or entry arrays unless needed
  const stack: Visit[] = [{ value, key: '', parent: null, depth: 0 }];
  let count = 0;
  while (stack.length) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: pathOf(visit, root), key: 'field.nul_character' };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    // Raw file bytes: only the guest-import upload (features/imports/routes.ts) registers a
    // parser that yields them, and its reader checks the file itself (size, type, NUL in CSV).
    if (v instanceof Uint8Array) continue;
    if (visit.depth >= MAX_DEPTH) return { field: pathOf(visit, root), key: 'field.too_deep', params: { limit: MAX_DEPTH } };
    // count before collecting, so a 150,000-key object is refused without copying it
    const size = Array.isArray(v) ? v.length : countKeys(v as object, maxValues - count + 1);
    count += size;
    if (count > maxValues) return { field: pathOf(visit, root), key: 'field.too_many_properties', params: { limit: maxValues } };
    const depth = visit.depth + 1;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], key: String(i), parent: visit, depth });
      continue;
    }
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      const item: Visit = { value: (v as Record<string, unknown>)[key], key, parent: visit, depth };
      if (key.includes('\u0000')) return { field: pathOf(item, root), key: 'field.nul_character' };
      stack.push(item);
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
