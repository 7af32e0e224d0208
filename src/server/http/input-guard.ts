import type { FastifyInstance } from 'fastify';
import { validation, type FieldError } from '../errors';

// One cheap pass over every request's body, query string and params before schema
// validation: refuse NUL characters (PostgreSQL cannot store them; one route forgetting
// would answer 500), and bodies too wide or too deep to be a real request (they would
// only cost the validator time). Stops at the first problem, so it costs at most one walk.

/** Far above any real request (a check-in has ~25 values). */
export const MAX_VALUES = 1000;
export const MAX_DEPTH = 12;

const shown = (key: string) => key.replaceAll('\u0000', '\\u0000');
const join = (base: string, key: string) => (base && key ? `${base}.${shown(key)}` : shown(key) || base);

/** The first problem in a parsed JSON value, or undefined. `root` names the value itself. */
export function inspectInput(value: unknown, root: string): FieldError | undefined {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  let count = 0;
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: path || root, key: 'field.nul_character' };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return { field: path || root, key: 'field.too_deep', params: { limit: MAX_DEPTH } };
    // count before collecting, so a 150,000-key object is refused without copying it
    const size = Array.isArray(v) ? v.length : countKeys(v as object, MAX_VALUES - count + 1);
    count += size;
    if (count > MAX_VALUES) return { field: path || root, key: 'field.too_many_properties', params: { limit: MAX_VALUES } };
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

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problem = inspectInput(request.params, 'params') ?? inspectInput(request.query, 'query') ?? inspectInput(request.body, 'body');
    if (problem) throw validation([problem]);
  });
}
