import { useT } from '../../i18n';
import { messages } from './messages';

type Schema = Record<string, unknown>;

export interface SchemaProperty {
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

/** Top-level properties of an object schema, required ones first, with a readable type. */
export function summarizeSchema(schema: Schema): SchemaProperty[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter(isString) : []);
  const rows = Object.entries(properties).map(([name, raw]) => {
    const prop = isRecord(raw) ? raw : {};
    return {
      name,
      type: describeType(prop),
      required: required.has(name),
      description: isString(prop.description) ? prop.description : undefined,
    };
  });
  // Required names the schema lists without describing still matter to the user.
  for (const name of required) {
    if (!(name in properties)) rows.push({ name, type: 'any', required: true, description: undefined });
  }
  return rows.sort((a, b) => Number(b.required) - Number(a.required));
}

export function describeType(prop: Schema): string {
  if (Array.isArray(prop.enum)) return prop.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in prop) return JSON.stringify(prop.const);
  const variants = prop.anyOf ?? prop.oneOf;
  if (Array.isArray(variants)) return variants.map((v) => (isRecord(v) ? describeType(v) : 'any')).join(' | ');
  const type = prop.type;
  if (Array.isArray(type)) return type.filter(isString).join(' | ');
  if (type === 'array' && isRecord(prop.items)) return `${describeType(prop.items)}[]`;
  return isString(type) ? type : 'any';
}

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function SchemaSummary({ schema }: { schema?: Schema }) {
  const t = useT(messages);
  if (!schema) {
    return (
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {t('unregistered')}
      </p>
    );
  }
  const rows = summarizeSchema(schema);
  return (
    <details className="group rounded-lg border border-zinc-200 text-xs dark:border-zinc-700">
      <summary className="cursor-pointer px-3 py-2 font-medium text-zinc-700 select-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-300">
        {t('schema')}
      </summary>
      <div className="px-3 pb-3">
        {rows.length === 0 ? (
          <p className="text-zinc-500 dark:text-zinc-400">{t('noNamedArguments')}</p>
        ) : (
          <ul className="space-y-1.5">
            {rows.map((row) => (
              <li key={row.name} className="break-words">
                <code className="font-mono font-semibold text-zinc-900 dark:text-zinc-100">{row.name}</code>
                <span className="font-mono text-indigo-700 dark:text-indigo-300">: {row.type}</span>
                {row.required ? (
                  <span className="ml-1.5 rounded bg-amber-100 px-1 text-[10px] text-amber-800 uppercase dark:bg-amber-900/50 dark:text-amber-200">
                    {t('required')}
                  </span>
                ) : (
                  <span className="ml-1.5 text-zinc-500 dark:text-zinc-400">{t('optional')}</span>
                )}
                {row.description && <p className="text-zinc-600 dark:text-zinc-400">{row.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
