import type { ModelEvent } from '../types';
import { TOOL_CALL_CLOSE as CLOSE, TOOL_CALL_OPEN as OPEN } from './system-prompt';
import { ARGUMENT_KEYS, TopLevelScanner } from './top-level-scanner';

/** The tool name given to a block whose name could not be read, so the model still gets an error result for it. */
export const UNNAMED_TOOL_CALL = 'invalid_tool_call';

export interface ToolCallTagParser {
  /** Feeds a text delta; returns the events it completes. */
  push(text: string): ModelEvent[];
  /** The stream ended: flushes held-back text and turns an unclosed block into a call (or an error). */
  end(): ModelEvent[];
  /** How many `<tool_call>` blocks were found so far. */
  readonly callCount: number;
}

export interface TagParserOptions {
  /** Ids for the calls (the text format has none); tests pass a deterministic one. */
  newId?: () => string;
}

interface Block {
  index: number;
  id: string;
  scan: TopLevelScanner;
  started: boolean;
  /** How far into scan.text the arguments were already sent as tool-call-delta. */
  sentTo: number;
}

/**
 * Streaming filter for prompted tool calling: prose passes through as text-delta with every
 * `<tool_call>…</tool_call>` block hidden, and each block becomes tool-call-start / -delta / -end
 * while it streams. Tags may be split across deltas anywhere; a `<` that is not a tag stays prose.
 * Malformed blocks end with a parseError, so the agent loop hands the model an error result.
 */
export function createToolCallTagParser(opts: TagParserOptions = {}): ToolCallTagParser {
  const newId = opts.newId ?? defaultIds();
  let out: ModelEvent[] = [];
  let pending = '';
  let block: Block | null = null;
  let count = 0;
  // Whitespace between prose and a block would show as empty paragraphs: hold it until we know.
  let heldSpace = '';
  let afterBlock = false;

  function prose(text: string) {
    if (afterBlock) {
      text = text.replace(/^\s+/, '');
      if (!text) return;
      afterBlock = false;
    }
    const all = heldSpace + text;
    const body = all.trimEnd();
    heldSpace = all.slice(body.length);
    if (body) out.push({ type: 'text-delta', text: body });
  }

  function open() {
    heldSpace = '';
    block = { index: count++, id: newId(), scan: new TopLevelScanner(), started: false, sentTo: -1 };
  }

  function progress(b: Block) {
    if (!b.started && b.scan.name !== undefined) start(b, b.scan.name);
    const span = b.scan.argsSoFar();
    if (!b.started || !span) return;
    const from = Math.max(b.sentTo, span.start);
    if (span.end > from) {
      out.push({ type: 'tool-call-delta', index: b.index, argsText: b.scan.text.slice(from, span.end) });
      b.sentTo = span.end;
    }
  }

  function start(b: Block, name: string) {
    b.started = true;
    out.push({ type: 'tool-call-start', index: b.index, id: b.id, name });
  }

  function close(b: Block, closed: boolean) {
    block = null;
    afterBlock = true;
    progress(b);
    const verdict = interpret(b.scan, closed);
    if (!b.started) start(b, verdict.name ?? UNNAMED_TOOL_CALL);
    out.push({
      type: 'tool-call-end',
      index: b.index,
      id: b.id,
      name: verdict.name ?? UNNAMED_TOOL_CALL,
      args: verdict.ok ? verdict.args : undefined,
      argsText: verdict.ok ? verdict.argsText : b.scan.text.trim(),
      ...(verdict.ok ? {} : { parseError: verdict.error }),
    });
  }

  function drainText(final: boolean): boolean {
    const lt = pending.indexOf('<');
    if (lt < 0) {
      prose(pending);
      pending = '';
      return false;
    }
    if (lt > 0) prose(pending.slice(0, lt));
    pending = pending.slice(lt);
    if (pending.startsWith(OPEN)) {
      pending = pending.slice(OPEN.length);
      open();
      return true;
    }
    if (OPEN.startsWith(pending) && !final) return false; // maybe a tag: wait for the next delta
    prose(pending[0]);
    pending = pending.slice(1);
    return true;
  }

  function drainBlock(b: Block, final: boolean): boolean {
    let i = 0;
    for (; i < pending.length; i++) {
      const c = pending[i];
      if (c === '<' && !b.scan.inString) {
        const rest = pending.slice(i);
        if (rest.startsWith(CLOSE) || rest.startsWith(OPEN)) {
          // A new opening tag before the closing one: the model forgot to close this block.
          pending = rest.startsWith(CLOSE) ? rest.slice(CLOSE.length) : rest;
          close(b, rest.startsWith(CLOSE));
          return true;
        }
        if ((CLOSE.startsWith(rest) || OPEN.startsWith(rest)) && !final) break;
      }
      b.scan.step(c);
    }
    pending = pending.slice(i);
    progress(b);
    return false;
  }

  function drain(final: boolean) {
    for (;;) {
      const more = block ? drainBlock(block, final) : drainText(final);
      if (!more) return;
    }
  }

  function take(): ModelEvent[] {
    const events = out;
    out = [];
    return events;
  }

  return {
    push(text) {
      pending += text;
      drain(false);
      return take();
    },
    end() {
      drain(true);
      const b = block as Block | null;
      if (b) {
        const recovered = recoverClose(b.scan.text);
        if (recovered) {
          // The closing tag sat inside what looked like an unterminated string: split there.
          const fresh = new TopLevelScanner();
          for (const c of recovered.body) fresh.step(c);
          b.scan = fresh;
          close(b, true);
          pending = recovered.rest;
          drain(true);
          if (block) close(block, false);
        } else {
          close(b, false);
        }
      }
      heldSpace = '';
      return take();
    },
    get callCount() {
      return count;
    },
  };
}

type Verdict =
  | { ok: true; name: string; args: Record<string, unknown>; argsText: string }
  | { ok: false; name: string | undefined; error: string };

/** Decides what a finished block means: a call with object arguments, or an error the model will read. */
function interpret(scan: TopLevelScanner, closed: boolean): Verdict {
  const body = stripFence(scan.text.trim());
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const why = closed ? `is not valid JSON (${(e as Error).message})` : 'was cut off before its closing </tool_call> tag';
    return { ok: false, name: scan.name, error: `The <tool_call> block ${why}` };
  }
  if (!isRecord(value)) return { ok: false, name: undefined, error: 'A <tool_call> block must hold one JSON object with "name" and "arguments"' };
  const name = typeof value.name === 'string' && value.name.trim() ? value.name.trim() : undefined;
  if (!name) return { ok: false, name: undefined, error: 'The <tool_call> block has no "name"; say which tool to call' };
  const key = ARGUMENT_KEYS.find((k) => k in value);
  const span = scan.argsSoFar();
  let args: unknown = key ? value[key] : {};
  let argsText = span?.complete ? scan.text.slice(span.start, span.end) : JSON.stringify(args ?? {});
  if (typeof args === 'string') {
    // Some models send the arguments as a JSON string, the way the OpenAI wire format does.
    argsText = args;
    try {
      args = JSON.parse(args);
    } catch {
      return { ok: false, name, error: `The "arguments" of ${name} are not valid JSON` };
    }
  }
  if (args === null || args === undefined) {
    args = {};
    argsText = '{}';
  }
  if (!isRecord(args)) return { ok: false, name, error: `The "arguments" of ${name} must be a JSON object` };
  return { ok: true, name, args, argsText };
}

function stripFence(text: string): string {
  const fenced = /^```[a-z]*\s*([\s\S]*?)\s*```$/i.exec(text);
  return fenced ? fenced[1] : text;
}

/** For an unclosed block that contains a literal closing tag: the body before it and the text after. */
function recoverClose(text: string): { body: string; rest: string } | null {
  const at = text.indexOf(CLOSE);
  return at < 0 ? null : { body: text.slice(0, at), rest: text.slice(at + CLOSE.length) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function defaultIds(): () => string {
  const prefix = Math.random().toString(36).slice(2, 8);
  let n = 0;
  return () => `call_${prefix}_${n++}`;
}
