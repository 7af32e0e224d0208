import Ajv, { type AnySchema, type ErrorObject } from 'ajv';
import type { DataValidateFunction } from 'ajv/dist/types';
import type { FastifyInstance } from 'fastify';

// Route schemas are compiled here, not by Fastify's default compiler, for two reasons:
// - bodies are JSON and must not be coerced (a boolean surname must not become "true");
//   query strings, params and headers arrive as text and are coerced as before;
// - `additionalProperties: false` is checked by a keyword that answers ONE error for the
//   first unknown key, so a body with 150,000 unknown keys costs one error, not 150,000
//   (ajv with allErrors reports each one). The route's own schema, and so the OpenAPI
//   document, keeps `additionalProperties: false`.

const CLOSED = 'closedProperties';

function closedProperties(known: string[]): DataValidateFunction {
  const allowed = new Set(known);
  const validate: DataValidateFunction = (data: Record<string, unknown>) => {
    for (const key in data) {
      if (Object.hasOwn(data, key) && !allowed.has(key)) {
        validate.errors = [{ keyword: 'additionalProperties', params: { additionalProperty: key }, message: 'must NOT have additional properties' } as Partial<ErrorObject>];
        return false;
      }
    }
    return true;
  };
  return validate;
}

/** A copy of the schema with every `additionalProperties: false` turned into the cheap keyword. */
export function withClosedKeyword(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withClosedKeyword);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'enum' || k === 'default' || k === 'examples' ? v : withClosedKeyword(v);
  if (out.additionalProperties === false) {
    delete out.additionalProperties;
    out[CLOSED] = Object.keys((out.properties as object | undefined) ?? {});
  }
  return out;
}

function makeAjv(coerceTypes: false | 'array'): Ajv {
  // allErrors so a form shows every problem at once; safe because no keyword here can
  // multiply errors by the size of the input (see above), and answers keep 20 at most.
  const ajv = new Ajv({ allErrors: true, coerceTypes, useDefaults: true, removeAdditional: false, strict: false });
  ajv.addKeyword({ keyword: CLOSED, type: 'object', schemaType: 'array', errors: true, compile: (known: string[]) => closedProperties(known) });
  return ajv;
}

/**
 * A body validator as the app compiles them (no coercion, one error per unknown-key object),
 * for a handler that checks parts of a body itself (each item of a batch answers on its own).
 */
export function compileBodyValidator(schema: unknown): DataValidateFunction {
  return makeAjv(false).compile(withClosedKeyword(schema) as AnySchema) as DataValidateFunction;
}

/** Installs the validator compiler on the app (before routes are added). */
export function registerValidatorCompiler(app: FastifyInstance): void {
  const forBody = makeAjv(false);
  const forText = makeAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? forBody : forText;
    // shared schemas (app.addSchema) are not handed to a custom compiler: add them for $ref
    for (const [id, shared] of Object.entries(app.getSchemas())) if (!ajv.getSchema(id)) ajv.addSchema(withClosedKeyword(shared) as AnySchema, id);
    return ajv.compile(withClosedKeyword(schema) as AnySchema);
  });
}
