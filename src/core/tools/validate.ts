import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

const ajv = new Ajv({ allErrors: true, strict: false });
const cache = new WeakMap<object, ValidateFunction>();

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

/** Validates tool arguments against a JSON Schema; errors read like "/city must be string". */
export function validateArgs(schema: Record<string, unknown>, args: unknown): ValidationResult {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  if (validate(args)) return { ok: true };
  return { ok: false, errors: (validate.errors ?? []).map(describe) };
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(arguments)';
  if (error.keyword === 'required') return `${where} is missing required property "${error.params.missingProperty}"`;
  if (error.keyword === 'additionalProperties')
    return `${where} has unknown property "${error.params.additionalProperty}"`;
  return `${where} ${error.message ?? 'is invalid'}`;
}
