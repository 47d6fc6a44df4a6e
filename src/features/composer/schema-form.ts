type Schema = Record<string, unknown>;
type Primitive = string | number | boolean;

/** One form field for a top-level property of a tool's argument schema. */
export interface FormField {
  name: string;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum';
  required: boolean;
  description?: string;
  default?: unknown;
  /** The allowed values of an enum field. */
  options?: Primitive[];
}

/** A form of simple fields, or, for schemas a form cannot express, a JSON text to edit. */
export type FormPlan = { kind: 'fields'; fields: FormField[] } | { kind: 'json'; template: string };

/** What the user typed: text for inputs and selects (an enum option as its JSON), true/false for checkboxes. */
export type FormValues = Record<string, string | boolean>;

export type FieldProblem = 'required' | 'number' | 'integer';

export type CollectResult = { ok: true; args: Record<string, unknown> } | { ok: false; problems: Record<string, FieldProblem> };

const isRecord = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown): v is Primitive => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * Decides how to ask for a tool's arguments: a field per property when every property is a string,
 * number, integer, boolean or enum of such; otherwise (nested objects, arrays, unions, free-form
 * objects) a JSON text prefilled with the required properties.
 */
export function planForm(schema: Schema | undefined): FormPlan {
  const properties = isRecord(schema?.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema?.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const names = Object.keys(properties);
  // An object that takes arbitrary keys, or names required keys it does not describe, needs JSON.
  const openEnded = !schema || (names.length === 0 && schema.additionalProperties !== false) || [...required].some((r) => !(r in properties));
  const fields = names.map((name) => fieldFor(name, properties[name], required.has(name)));
  if (openEnded || fields.some((f) => f === null)) return { kind: 'json', template: jsonTemplate(properties, required) };
  return { kind: 'fields', fields: fields as FormField[] };
}

function fieldFor(name: string, raw: unknown, required: boolean): FormField | null {
  if (!isRecord(raw)) return null;
  const base = {
    name,
    required,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...('default' in raw ? { default: raw.default } : {}),
  };
  if (Array.isArray(raw.enum)) return raw.enum.length > 0 && raw.enum.every(isPrimitive) ? { ...base, kind: 'enum', options: raw.enum } : null;
  const type = raw.type;
  if (raw.anyOf || raw.oneOf || raw.allOf || 'const' in raw) return null;
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return { ...base, kind: type };
  return null;
}

function jsonTemplate(properties: Schema, required: Set<string>): string {
  const skeleton: Record<string, unknown> = {};
  for (const name of required) {
    const prop = isRecord(properties[name]) ? properties[name] : {};
    skeleton[name] = 'default' in prop ? prop.default : emptyOf(prop);
  }
  return JSON.stringify(skeleton, null, 2);
}

function emptyOf(prop: Schema): unknown {
  if (Array.isArray(prop.enum) && prop.enum.length) return prop.enum[0];
  switch (prop.type) {
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return '';
  }
}

/** The starting values: each field's schema default, else empty (unchecked). */
export function initialValues(fields: FormField[]): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const d = f.default;
    if (f.kind === 'boolean') values[f.name] = d === true;
    else if (f.kind === 'enum') values[f.name] = d !== undefined && f.options?.includes(d as Primitive) ? JSON.stringify(d) : '';
    else values[f.name] = isPrimitive(d) ? String(d) : '';
  }
  return values;
}

/**
 * Turns the typed values into arguments: empty optional fields are left out, numbers are parsed.
 * With `lenient`, fields that do not parse are left out instead of refused (for "Edit as JSON").
 */
export function collectArgs(fields: FormField[], values: FormValues, lenient = false): CollectResult {
  const args: Record<string, unknown> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const f of fields) {
    const value = values[f.name];
    if (f.kind === 'boolean') {
      // An unchecked optional box without a default means "not set", so the tool's own default applies.
      if (value === true || f.required || f.default !== undefined) args[f.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value : '';
    if (f.kind !== 'string' ? text.trim() === '' : text === '') {
      if (f.required) problems[f.name] = 'required';
      continue;
    }
    if (f.kind === 'string') args[f.name] = text;
    else if (f.kind === 'enum') args[f.name] = JSON.parse(text);
    else {
      const n = Number(text.trim());
      if (!Number.isFinite(n)) problems[f.name] = 'number';
      else if (f.kind === 'integer' && !Number.isInteger(n)) problems[f.name] = 'integer';
      else args[f.name] = n;
    }
  }
  if (!lenient && Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, args };
}
