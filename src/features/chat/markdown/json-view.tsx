import { memo, type ReactNode } from 'react';
import { CHUNK_CHARS, ChunkedString } from './chunked-string';
import { formatJsonString } from './json-format';
import { useT } from '../../../i18n';
import { messages } from './messages';
import { HighlightedCode } from '../../code/highlighted-code';

const KEY = 'text-indigo-700 dark:text-indigo-300';
const STRING = 'text-emerald-700 dark:text-emerald-400';
const NUMBER = 'text-amber-700 dark:text-amber-300';
const LITERAL = 'text-sky-700 dark:text-sky-300';
const PUNCT = 'text-zinc-400 dark:text-zinc-500';
const MUTED = 'text-zinc-400 italic dark:text-zinc-500';

export interface JsonViewProps {
  /** Any value; `undefined` (nothing parsed yet) renders nothing. */
  value: unknown;
  className?: string;
  /**
   * Top-level string fields that hold code (`run_javascript.code`, `write_file.content`), by key,
   * with their language: shown as highlighted code instead of a JSON string.
   */
  codeFields?: Readonly<Record<string, string | null>>;
}

/**
 * Pretty-printed JSON (two-space indent, subtle colours, wrapping long strings, newlines inside
 * strings shown as line breaks). Nodes are memoized by identity, so when a streaming parser
 * shares unchanged subtrees only the changed path re-renders.
 */
export function JsonView({ value, className, codeFields }: JsonViewProps) {
  if (value === undefined) return null;
  return (
    <div
      className={`font-mono text-xs leading-5 whitespace-pre-wrap text-zinc-700 [overflow-wrap:anywhere] dark:text-zinc-300 ${className ?? ''}`}
    >
      <JsonNode value={value} comma={false} ancestors={NO_ANCESTORS} codeFields={codeFields} />
    </div>
  );
}

const NO_ANCESTORS: readonly object[] = [];

interface JsonNodeProps {
  value: unknown;
  name?: string;
  comma: boolean;
  /** Containers above this node, to show a cycle instead of recursing forever. */
  ancestors: readonly object[];
  /** Code fields of this (top-level) object; `language` marks a node that is one. */
  codeFields?: Readonly<Record<string, string | null>>;
  language?: string | null;
}

// The inner function has its own name: inside a function expression named JsonNode, that name
// would refer to the unmemoized function and children would never be skipped.
const JsonNode = memo(
  function JsonNodeView({ value: raw, name, comma, ancestors, codeFields, language }: JsonNodeProps) {
    const value = toJsonValue(raw);
    const label =
      name === undefined ? null : (
        <>
          <span className={KEY}>{formatJsonString(name)}</span>
          <span className={PUNCT}>: </span>
        </>
      );
    const tail = comma ? <span className={PUNCT}>,</span> : null;
    const line = (content: ReactNode) => (
      <div>
        {label}
        {content}
        {tail}
      </div>
    );

    if (typeof value === 'string' && language !== undefined) {
      return (
        <div>
          {label}
          <pre className="my-0.5 overflow-x-auto rounded-md border border-zinc-200 bg-white/70 px-2 py-1 whitespace-pre text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950/40 dark:text-zinc-200" tabIndex={0}>
            <code>
              <HighlightedCode code={value} language={language} />
            </code>
          </pre>
          {tail}
        </div>
      );
    }
    if (value === null || typeof value !== 'object') return line(<Scalar value={value} />);
    if (ancestors.includes(value)) return line(<Circular />);

    const isArray = Array.isArray(value);
    const entries: [string, unknown][] = isArray
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value as Record<string, unknown>);
    const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) return line(<span className={PUNCT}>{open + close}</span>);

    const inside = [...ancestors, value];
    return (
      <div>
        <div>
          {label}
          <span className={PUNCT}>{open}</span>
        </div>
        <div className="pl-[2ch]">
          {entries.map(([key, child], i) => (
            <JsonNode
              key={key}
              value={child}
              name={isArray ? undefined : key}
              comma={i < entries.length - 1}
              ancestors={inside}
              language={!isArray && codeFields && Object.hasOwn(codeFields, key) ? codeFields[key] : undefined}
            />
          ))}
        </div>
        <div>
          <span className={PUNCT}>{close}</span>
          {tail}
        </div>
      </div>
    );
  },
  // Ancestors only guard against cycles; for an unchanged value they cannot change the output.
  (a, b) => a.value === b.value && a.name === b.name && a.comma === b.comma && a.language === b.language && a.codeFields === b.codeFields,
);

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') {
    // A long string (a streamed file or program) re-renders only its growing last chunk.
    const text = value.length > CHUNK_CHARS ? <>"<ChunkedString value={value} />"</> : formatJsonString(value);
    return <span className={STRING}>{text}</span>;
  }
  if (typeof value === 'number') return <span className={NUMBER}>{String(value)}</span>;
  if (typeof value === 'boolean' || value === null) return <span className={LITERAL}>{String(value)}</span>;
  if (typeof value === 'bigint') return <span className={NUMBER}>{bigintLiteral(value)}</span>;
  return <span className={MUTED}>{String(value)}</span>;
}

function Circular() {
  const t = useT(messages);
  return <span className={MUTED}>{t('circular')}</span>;
}

// Written the way JavaScript writes a BigInt literal, so it cannot be mistaken for a number.
function bigintLiteral(value: bigint): string {
  return `${value}n`;
}

// Values with toJSON (Date, URL, ...) show what JSON.stringify would write.
function toJsonValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    try {
      return (value as { toJSON: () => unknown }).toJSON();
    } catch {
      return value;
    }
  }
  return value;
}
