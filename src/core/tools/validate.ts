import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

// ajv is a sixth of the app's JavaScript, so it lives in its own chunk: the browser fetches it
// when idle after startup (preloadValidatorWhenIdle), long before a model can finish a tool call.
let ajv: Ajv | null = null;
let loading: Promise<void> | null = null;
const cache = new WeakMap<object, ValidateFunction>();

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

/** Loads the JSON-Schema engine once (idempotent); validateArgs works synchronously afterwards. */
export function loadValidator(): Promise<void> {
  loading ??= import('ajv').then(
    (module) => {
      // ajv is CommonJS: depending on the bundler the class is the default export or nested in it.
      const AjvClass = ((module.default as { default?: unknown }).default ?? module.default) as typeof Ajv;
      ajv = new AjvClass({ allErrors: true, strict: false });
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
  return ajv !== null;
}

/** Starts loading the engine when the browser is idle; does nothing outside a browser. */
export function preloadValidatorWhenIdle(): void {
  const g = globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void; document?: unknown };
  if (ajv || g.document === undefined) return;
  const start = () => void loadValidator().catch(() => undefined);
  if (typeof g.requestIdleCallback === 'function') g.requestIdleCallback(start, { timeout: 1000 });
  else setTimeout(start, 100);
}

/**
 * Validates tool arguments against a JSON Schema; errors read like "/city must be string".
 * Fails closed while the engine is still loading: nothing runs with unchecked arguments.
 */
export function validateArgs(schema: Record<string, unknown>, args: unknown): ValidationResult {
  if (!ajv) {
    void loadValidator().catch(() => undefined);
    return { ok: false, errors: ['(arguments) could not be checked yet: the validator is still loading, try again'] };
  }
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
