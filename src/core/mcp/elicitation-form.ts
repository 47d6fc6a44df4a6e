// The form for an MCP elicitation (a server asking the user for input mid-call). The spec limits the
// requested schema to a flat object of primitives: strings (with an optional format), numbers,
// booleans, single-choice enums (plain, `oneOf` with titles, or legacy `enumNames`) and multi-choice
// arrays of such. Anything else is shown as a field the dialog cannot fill, never silently dropped.

type Schema = Record<string, unknown>;

export interface ElicitOption {
  value: string;
  label: string;
}

interface Base {
  name: string;
  label: string;
  description?: string;
  required: boolean;
}

export type ElicitField =
  | (Base & { kind: 'text'; format?: 'email' | 'uri' | 'date' | 'date-time'; minLength?: number; maxLength?: number; default?: string })
  | (Base & { kind: 'number'; integer: boolean; minimum?: number; maximum?: number; default?: number })
  | (Base & { kind: 'boolean'; default?: boolean })
  | (Base & { kind: 'choice'; options: ElicitOption[]; default?: string })
  | (Base & { kind: 'multi'; options: ElicitOption[]; minItems?: number; maxItems?: number; default?: string[] })
  | (Base & { kind: 'unsupported' });

/** Text for text, number and choice fields; true/false for a checkbox; the chosen values for a multi-choice. */
export type ElicitValues = Record<string, string | boolean | string[]>;

export type ElicitProblem = 'required' | 'number' | 'integer' | 'range' | 'length' | 'email' | 'uri' | 'date' | 'items' | 'unsupported';

export type ElicitCollect = { ok: true; content: Record<string, unknown> } | { ok: false; problems: Record<string, ElicitProblem> };

const isRecord = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** One field per property of the requested schema, in the server's order. */
export function planElicitation(schema: Schema | undefined): ElicitField[] {
  const properties = isRecord(schema?.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema?.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  return Object.entries(properties).map(([name, raw]) => fieldFor(name, isRecord(raw) ? raw : {}, required.has(name)));
}

function fieldFor(name: string, raw: Schema, required: boolean): ElicitField {
  const base: Base = { name, label: str(raw.title)?.trim() || name, required, ...(str(raw.description) ? { description: str(raw.description) } : {}) };
  const single = optionsOf(raw);
  if (single) {
    const d = str(raw.default);
    return { ...base, kind: 'choice', options: single, ...(d !== undefined && single.some((o) => o.value === d) ? { default: d } : {}) };
  }
  switch (raw.type) {
    case 'string': {
      const format = raw.format === 'email' || raw.format === 'uri' || raw.format === 'date' || raw.format === 'date-time' ? raw.format : undefined;
      return { ...base, kind: 'text', format, minLength: num(raw.minLength), maxLength: num(raw.maxLength), default: str(raw.default) };
    }
    case 'number':
    case 'integer':
      return { ...base, kind: 'number', integer: raw.type === 'integer', minimum: num(raw.minimum), maximum: num(raw.maximum), default: num(raw.default) };
    case 'boolean':
      return { ...base, kind: 'boolean', default: typeof raw.default === 'boolean' ? raw.default : undefined };
    case 'array': {
      const options = isRecord(raw.items) ? optionsOf(raw.items) : null;
      if (!options) break;
      const d = Array.isArray(raw.default) ? raw.default.filter((v): v is string => typeof v === 'string' && options.some((o) => o.value === v)) : undefined;
      return { ...base, kind: 'multi', options, minItems: num(raw.minItems), maxItems: num(raw.maxItems), default: d };
    }
  }
  return { ...base, kind: 'unsupported' };
}

/** The choices of a string enum: `enum` (labelled by `enumNames` when given) or `oneOf`/`anyOf` of `{const, title}`. */
function optionsOf(raw: Schema): ElicitOption[] | null {
  if (Array.isArray(raw.enum) && raw.enum.length > 0 && raw.enum.every((v) => typeof v === 'string')) {
    const names = Array.isArray(raw.enumNames) ? raw.enumNames : [];
    return (raw.enum as string[]).map((value, i) => ({ value, label: typeof names[i] === 'string' ? names[i] : value }));
  }
  const list = Array.isArray(raw.oneOf) ? raw.oneOf : Array.isArray(raw.anyOf) ? raw.anyOf : null;
  if (!list || list.length === 0 || !list.every((o) => isRecord(o) && typeof o.const === 'string')) return null;
  return (list as Schema[]).map((o) => ({ value: o.const as string, label: str(o.title) || (o.const as string) }));
}

export function initialElicitValues(fields: ElicitField[]): ElicitValues {
  const values: ElicitValues = {};
  for (const f of fields) {
    if (f.kind === 'boolean') values[f.name] = f.default === true;
    else if (f.kind === 'multi') values[f.name] = f.default ?? [];
    else if (f.kind === 'number') values[f.name] = f.default !== undefined ? String(f.default) : '';
    else if (f.kind === 'text' || f.kind === 'choice') values[f.name] = f.default ?? '';
  }
  return values;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The answer's content, checked against the schema; empty optional fields are left out. */
export function collectElicitation(fields: ElicitField[], values: ElicitValues): ElicitCollect {
  const content: Record<string, unknown> = {};
  const problems: Record<string, ElicitProblem> = {};
  for (const f of fields) {
    const value = values[f.name];
    switch (f.kind) {
      case 'unsupported':
        if (f.required) problems[f.name] = 'unsupported';
        break;
      case 'boolean':
        if (value === true || f.required || f.default !== undefined) content[f.name] = value === true;
        break;
      case 'multi': {
        const chosen = Array.isArray(value) ? value : [];
        if (chosen.length === 0 && !f.required) break;
        if (chosen.length < Math.max(f.minItems ?? 0, f.required ? 1 : 0) || (f.maxItems !== undefined && chosen.length > f.maxItems)) problems[f.name] = 'items';
        else content[f.name] = chosen;
        break;
      }
      default: {
        const text = typeof value === 'string' ? value : '';
        if (text.trim() === '') {
          if (f.required) problems[f.name] = 'required';
          break;
        }
        const problem = check(f, text);
        if (problem) problems[f.name] = problem;
        else content[f.name] = f.kind === 'number' ? Number(text.trim()) : text;
      }
    }
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, content };
}

function check(f: ElicitField, text: string): ElicitProblem | null {
  if (f.kind === 'number') {
    const n = Number(text.trim());
    if (!Number.isFinite(n)) return 'number';
    if (f.integer && !Number.isInteger(n)) return 'integer';
    if ((f.minimum !== undefined && n < f.minimum) || (f.maximum !== undefined && n > f.maximum)) return 'range';
    return null;
  }
  if (f.kind !== 'text') return null;
  if ((f.minLength !== undefined && text.length < f.minLength) || (f.maxLength !== undefined && text.length > f.maxLength)) return 'length';
  if (f.format === 'email' && !EMAIL.test(text.trim())) return 'email';
  if (f.format === 'uri' && !URL.canParse(text.trim())) return 'uri';
  if (f.format === 'date' && !DATE.test(text.trim())) return 'date';
  return null;
}

// Words that mark a field asking for a secret. A server may ask for anything; the dialog warns
// loudly before a user types a password or key into a form that goes to that server.
const SENSITIVE = /pass(word|code|phrase)?|secret|token|api[\s_-]?key|private[\s_-]?key|\bpin\b|credit[\s_-]?card|card[\s_-]?number|cvv|ssn|social security|密码|口令|密钥|令牌/i;

/** Whether a field looks like it asks for a password, key or similar secret. */
export function asksForSecret(field: ElicitField): boolean {
  return SENSITIVE.test(`${field.name} ${field.label}`) || (field.kind === 'text' && SENSITIVE.test(field.description ?? ''));
}
