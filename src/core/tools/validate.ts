import type { OutputUnit, Validator } from '@cfworker/json-schema';

// The engine is @cfworker/json-schema because it interprets schemas instead of compiling them
// with `new Function` (as ajv does): the app's Content-Security-Policy forbids eval. It still
// lives in its own chunk, fetched when idle after startup (preloadValidatorWhenIdle), long
// before a model can finish a tool call.
type ValidatorClass = typeof Validator;
let ValidatorCtor: ValidatorClass | null = null;
let loading: Promise<void> | null = null;
const cache = new WeakMap<object, Validator>();

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

/** Loads the JSON-Schema engine once (idempotent); validateArgs works synchronously afterwards. */
export function loadValidator(): Promise<void> {
  loading ??= import('@cfworker/json-schema').then(
    (module) => {
      ValidatorCtor = module.Validator;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** True once validateArgs can check arguments. */
export function validatorReady(): boolean {
  return ValidatorCtor !== null;
}

/** Starts loading the engine when the browser is idle; does nothing outside a browser. */
export function preloadValidatorWhenIdle(): void {
  const g = globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void; document?: unknown };
  if (ValidatorCtor || g.document === undefined) return;
  const start = () => void loadValidator().catch(() => undefined);
  if (typeof g.requestIdleCallback === 'function') g.requestIdleCallback(start, { timeout: 1000 });
  else setTimeout(start, 100);
}

/**
 * Validates tool arguments against a JSON Schema; errors read like "/city must be string".
 * Fails closed while the engine is still loading: nothing runs with unchecked arguments.
 */
export function validateArgs(schema: Record<string, unknown>, args: unknown): ValidationResult {
  if (!ValidatorCtor) {
    void loadValidator().catch(() => undefined);
    return { ok: false, errors: ['(arguments) could not be checked yet: the validator is still loading, try again'] };
  }
  let validator = cache.get(schema);
  if (!validator) {
    // Draft 7 is what tool schemas are written against (and what ajv defaulted to); all errors, not just the first.
    validator = new ValidatorCtor(schema, '7', false);
    cache.set(schema, validator);
  }
  const result = validator.validate(args);
  if (result.valid) return { ok: true };
  const errors = describeAll(schema, result.errors);
  return { ok: false, errors: errors.length > 0 ? errors : ['(arguments) do not match the schema'] };
}

// Errors that only say "a child failed": the child's own error says what is wrong.
const WRAPPERS = new Set(['properties', 'patternProperties', 'items', 'prefixItems', 'additionalItems', 'allOf', '$ref', 'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems', 'contains']);

function describeAll(schema: Record<string, unknown>, units: OutputUnit[]): string[] {
  const unknown = new Set<string>();
  const out: string[] = [];
  // Shallow errors first, as ajv listed them: "missing city" before what is wrong inside a property.
  const depth = (unit: OutputUnit) => unit.instanceLocation.split('/').length;
  for (const unit of [...units].sort((a, b) => depth(a) - depth(b))) {
    if (WRAPPERS.has(unit.keyword)) continue;
    if (unit.keyword === 'additionalProperties') {
      const name = /Property "(.*)" does not match/.exec(unit.error)?.[1] ?? '';
      unknown.add(`${unit.instanceLocation}/${name}`);
    }
    // A `false` schema under additionalProperties is already reported as an unknown property.
    if (unit.keyword === 'false' && unknown.has(unit.instanceLocation)) continue;
    const line = describe(schema, unit);
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

// Wording follows ajv's, which users (and models reading tool errors) already know.
function describe(schema: Record<string, unknown>, unit: OutputUnit): string {
  const where = unit.instanceLocation === '#' ? '(arguments)' : unit.instanceLocation.replace(/^#/, '');
  const value = keywordValue(schema, unit.keywordLocation);
  const quoted = (pattern: RegExp) => pattern.exec(unit.error)?.[1] ?? '';
  switch (unit.keyword) {
    case 'required':
      return `${where} is missing required property "${quoted(/required property "(.*)"/)}"`;
    case 'additionalProperties':
      return `${where} has unknown property "${quoted(/Property "(.*)" does not match/)}"`;
    case 'type':
      return `${where} must be ${Array.isArray(value) ? value.join(',') : quoted(/Expected "(.*)"/)}`;
    case 'enum':
      // Naming the allowed values lets the model (and the user reading the card) fix the call at once.
      return `${where} must be equal to one of the allowed values${Array.isArray(value) ? `: ${value.map((v) => JSON.stringify(v)).join(', ')}` : ''}`;
    case 'const':
      return `${where} must be equal to constant`;
    case 'minimum':
      return `${where} must be >= ${String(value)}`;
    case 'maximum':
      return `${where} must be <= ${String(value)}`;
    case 'exclusiveMinimum':
      return `${where} must be > ${String(value)}`;
    case 'exclusiveMaximum':
      return `${where} must be < ${String(value)}`;
    case 'multipleOf':
      return `${where} must be multiple of ${String(value)}`;
    case 'minLength':
      return `${where} must NOT have fewer than ${String(value)} characters`;
    case 'maxLength':
      return `${where} must NOT have more than ${String(value)} characters`;
    case 'minItems':
      return `${where} must NOT have fewer than ${String(value)} items`;
    case 'maxItems':
      return `${where} must NOT have more than ${String(value)} items`;
    case 'minProperties':
      return `${where} must NOT have fewer than ${String(value)} properties`;
    case 'maxProperties':
      return `${where} must NOT have more than ${String(value)} properties`;
    case 'uniqueItems':
      return `${where} must NOT have duplicate items`;
    case 'pattern': {
      // A regex says little to a reader; a schema that words its rule (file paths do) is quoted instead.
      const owner = keywordValue(schema, unit.keywordLocation.replace(/\/pattern$/, ''));
      const rule = owner && typeof owner === 'object' ? (owner as { description?: unknown }).description : undefined;
      return typeof rule === 'string' && rule !== '' ? `${where} breaks the rule: ${rule}` : `${where} must match pattern "${String(value)}"`;
    }
    case 'format':
      return `${where} must match format "${String(value)}"`;
    case 'anyOf':
      return `${where} must match a schema in anyOf`;
    case 'oneOf':
      return `${where} must match exactly one schema in oneOf`;
    case 'not':
      return `${where} must NOT be valid`;
    case 'false':
      return `${where} is not allowed`;
    default:
      return `${where} is invalid: ${unit.error}`;
  }
}

/** The keyword's value in the schema, found by its JSON Pointer ("#/properties/n/minimum"). */
function keywordValue(schema: unknown, location: string): unknown {
  let node = schema;
  for (const raw of location.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    if (node === null || typeof node !== 'object') return undefined;
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
