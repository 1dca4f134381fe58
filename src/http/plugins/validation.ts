import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema, FastifySchemaCompiler } from 'fastify';
import { type FieldError, validationFailed } from '../../domain/errors.js';

/**
 * Bodies are validated strictly: no type coercion and unknown fields rejected, so that `true` never
 * becomes a slot id. Query strings and path parameters arrive as text and are coerced.
 */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

const strict = makeAjv(false);
const coercing = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object);

/** Turns Ajv's errors into field errors with message keys, one per field. */
export function fieldErrorsFromAjv(errors: readonly ErrorObject[], part: string | undefined): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    const base = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const prefix = part && part !== 'body' ? `${part}.` : '';
    let field = base;
    let error: Omit<FieldError, 'field'>;
    switch (e.keyword) {
      case 'required':
        field = join(base, String(e.params.missingProperty));
        error = { key: 'error.field.required' };
        break;
      case 'additionalProperties':
        field = join(base, String(e.params.additionalProperty));
        error = { key: 'error.field.unknown' };
        break;
      case 'maxLength':
        error = { key: 'error.field.tooLong', params: { max: Number(e.params.limit) } };
        break;
      case 'minLength':
        error =
          Number(e.params.limit) === 1
            ? { key: 'error.field.required' }
            : {
                key: 'error.field.tooShort',
                params: { min: Number(e.params.limit) },
              };
        break;
      case 'enum':
      case 'const':
        error = { key: 'error.field.enum' };
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'maxItems':
      case 'minItems':
        error = { key: 'error.field.range' };
        break;
      case 'pattern':
      case 'format':
        error = { key: 'error.field.pattern' };
        break;
      default:
        error = { key: 'error.field.type' };
    }
    const key = `${prefix}${field}` || part || 'body';
    if (!byField.has(key)) byField.set(key, { field: key, ...error });
  }
  return [...byField.values()];
}

function join(base: string, name: string): string {
  return base ? `${base}.${name}` : name;
}

/** Where a request's input holds a NUL character: the field paths, `a.b` style. */
function nulFields(value: unknown, path: string, found: string[], depth = 0): void {
  if (found.length > 20 || depth > 32) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (value && typeof value === 'object') {
    // arrays too: their entries are keyed by index
    for (const [k, v] of Object.entries(value)) nulFields(v, path ? `${path}.${k}` : k, found, depth + 1);
  }
}

/**
 * PostgreSQL text cannot hold a NUL character, so a NUL in any body, query or path value would fail the
 * query as a 500. No field of the product needs one: such input is refused up front, naming the field.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const found: string[] = [];
    nulFields(request.params, '', found);
    nulFields(request.query, '', found);
    nulFields(request.body, '', found);
    done(
      found.length > 0
        ? validationFailed(found.map((field) => ({ field, key: 'error.field.pattern' })))
        : undefined,
    );
  });
}
