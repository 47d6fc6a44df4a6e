// Streaming JSON: every character is consumed once by a stack-based state machine, and the
// value is built as it goes. Containers are appended to in place; a container that has been
// closed never changes again, so snapshots share it and only the open path is copied.

import { canEndNumber, startNumber, stepNumber } from './json-number';

export interface PartialJson {
  /** Consumes the next piece of the text. */
  push(chunk: string): void;
  /**
   * Best-effort value of the text so far: unfinished strings as far as they go, unfinished keys,
   * numbers and literals left out. A new object only when something changed; do not mutate it.
   */
  value(): unknown;
  /** Everything pushed so far. */
  text(): string;
  /** A whole JSON value has been read and nothing invalid came after it. */
  isComplete(): boolean;
  /** A definite syntax error with its position, or null. */
  error(): string | null;
}

export interface PartialJsonResult {
  value: unknown;
  complete: boolean;
  error: string | null;
}

type Frame =
  | { kind: 'array'; live: unknown[]; key: string }
  | { kind: 'object'; live: Record<string, unknown>; key: string };

const VALUE = 0; // a value must come (document start, after ':' or after ',' in an array)
const ARRAY_FIRST = 1; // after '[': a value or ']'
const OBJECT_FIRST = 2; // after '{': a key or '}'
const KEY = 3; // after ',' in an object
const COLON = 4;
const AFTER = 5; // after a value inside a container: ',' or the closing bracket
const DONE = 6;
const STRING = 7;
const NUMBER = 8;
const LITERAL = 9;
const FAILED = 10;

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const LITERALS: Record<string, { word: string; value: unknown }> = {
  t: { word: 'true', value: true },
  f: { word: 'false', value: false },
  n: { word: 'null', value: null },
};

/** Creates an incremental parser whose total work over a stream is linear in its length. */
export function createPartialJson(): PartialJson {
  let all = '';
  let pos = 0;
  let state = VALUE;
  let err: string | null = null;
  const stack: Frame[] = [];
  let root: unknown;

  let str = '';
  // Whether `str` ends in a high surrogate. Tracked on append: reading the end of `str` would
  // flatten the rope that `+=` builds and make every value() call cost the string's length.
  let strEndsHigh = false;
  let strIsKey = false;
  let escape = 0; // 0 none, 1 after a backslash, 2..5 reading \u hex digits
  let hex = 0;
  let num = '';
  let numState = 0;
  let literal = LITERALS.t;
  let literalAt = 0;

  let dirty = true;
  let cached: unknown;

  const fail = (message: string) => {
    err = `${message} at position ${pos}`;
    state = FAILED;
  };
  const unexpected = (ch: string, context = '') =>
    fail(`Unexpected ${ch === '"' ? 'string' : `character ${JSON.stringify(ch)}`}${context}`);

  const finish = (v: unknown) => {
    dirty = true;
    const top = stack[stack.length - 1];
    if (!top) {
      root = v;
      state = DONE;
    } else {
      if (top.kind === 'array') top.live.push(v);
      else setKey(top.live, top.key, v);
      state = AFTER;
    }
  };

  const open = (kind: 'array' | 'object') => {
    dirty = true;
    stack.push(kind === 'array' ? { kind, live: [], key: '' } : { kind, live: {}, key: '' });
    state = kind === 'array' ? ARRAY_FIRST : OBJECT_FIRST;
  };

  const close = () => finish(stack.pop()!.live);

  // Starts a token at `ch`; returns false when `ch` cannot begin a value.
  const startValue = (ch: string): boolean => {
    if (ch === '{') open('object');
    else if (ch === '[') open('array');
    else if (ch === '"') {
      state = STRING;
      strIsKey = false;
      str = '';
      strEndsHigh = false;
      dirty = true;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      state = NUMBER;
      num = ch;
      numState = startNumber(ch);
      if (stack.length === 0) dirty = true;
    } else if (Object.hasOwn(LITERALS, ch)) {
      state = LITERAL;
      literal = LITERALS[ch];
      literalAt = 1;
    } else return false;
    return true;
  };

  const consume = (chunk: string) => {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (state === STRING) {
        if (escape === 0) {
          // Copy the run of plain characters in one slice.
          let j = i;
          let c = chunk.charCodeAt(j);
          while (j < n && c !== 34 && c !== 92 && c >= 32) c = chunk.charCodeAt(++j);
          if (j > i) {
            str += chunk.slice(i, j);
            strEndsHigh = isHighSurrogate(chunk.charCodeAt(j - 1));
            if (!strIsKey) dirty = true;
            pos += j - i;
            i = j;
            if (i >= n) break;
          }
          if (c === 34) {
            if (strIsKey) {
              stack[stack.length - 1].key = str;
              state = COLON;
            } else finish(str);
          } else if (c === 92) escape = 1;
          else return fail(`Unescaped control character U+${c.toString(16).padStart(4, '0').toUpperCase()} in string`);
        } else {
          const ch = chunk[i];
          if (escape === 1) {
            if (ch === 'u') {
              escape = 2;
              hex = 0;
            } else if (Object.hasOwn(ESCAPES, ch)) {
              str += ESCAPES[ch];
              strEndsHigh = false;
              escape = 0;
              if (!strIsKey) dirty = true;
            } else return fail(`Invalid escape ${JSON.stringify(`\\${ch}`)}`);
          } else {
            const d = parseInt(ch, 16);
            if (Number.isNaN(d)) return fail(`Invalid \\u escape digit ${JSON.stringify(ch)}`);
            hex = hex * 16 + d;
            if (++escape === 6) {
              str += String.fromCharCode(hex);
              strEndsHigh = isHighSurrogate(hex);
              escape = 0;
              if (!strIsKey) dirty = true;
            }
          }
        }
        i++;
        pos++;
        continue;
      }

      const ch = chunk[i];
      if (state === NUMBER) {
        const next = stepNumber(numState, ch);
        if (next >= 0) {
          numState = next;
          num += ch;
          if (stack.length === 0) dirty = true;
          i++;
          pos++;
          continue;
        }
        if (!canEndNumber(numState)) return fail('Invalid number');
        finish(Number(num));
        continue; // the terminator is read again in the new state
      }
      if (state === LITERAL) {
        if (ch !== literal.word[literalAt]) return unexpected(ch, ` in ${JSON.stringify(literal.word)}`);
        if (++literalAt === literal.word.length) finish(literal.value);
        i++;
        pos++;
        continue;
      }
      if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
        i++;
        pos++;
        continue;
      }
      const top = stack[stack.length - 1];
      switch (state) {
        case VALUE:
        case ARRAY_FIRST:
          if (state === ARRAY_FIRST && ch === ']') close();
          else if (!startValue(ch)) return unexpected(ch);
          break;
        case OBJECT_FIRST:
        case KEY:
          if (state === OBJECT_FIRST && ch === '}') close();
          else if (ch === '"') {
            state = STRING;
            strIsKey = true;
            str = '';
            strEndsHigh = false;
          } else return unexpected(ch, ', expected a property name');
          break;
        case COLON:
          if (ch !== ':') return unexpected(ch, ", expected ':'");
          state = VALUE;
          break;
        case AFTER:
          if (ch === ',') state = top.kind === 'array' ? VALUE : KEY;
          else if ((ch === ']' && top.kind === 'array') || (ch === '}' && top.kind === 'object')) close();
          else return unexpected(ch, `, expected ',' or '${top.kind === 'array' ? ']' : '}'}'`);
          break;
        default:
          return unexpected(ch, ' after the JSON value');
      }
      i++;
      pos++;
    }
  };

  const topLevelNumber = () => state === NUMBER && stack.length === 0 && canEndNumber(numState);

  const materialise = (): unknown => {
    let child: unknown;
    let has = false;
    if (state === STRING && !strIsKey) {
      // A high surrogate waits for its pair; until then it would render as garbage.
      child = strEndsHigh ? str.slice(0, -1) : str;
      has = true;
    }
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i];
      if (f.kind === 'array') {
        const copy = f.live.slice();
        if (has) copy.push(child);
        child = copy;
      } else {
        const copy = { ...f.live };
        if (has) setKey(copy, f.key, child);
        child = copy;
      }
      has = true;
    }
    if (has) return child;
    if (state === DONE || (state === FAILED && root !== undefined)) return root;
    return topLevelNumber() ? Number(num) : undefined;
  };

  return {
    push(chunk) {
      all += chunk;
      if (state !== FAILED) consume(chunk);
    },
    value() {
      if (dirty) {
        cached = materialise();
        dirty = false;
      }
      return cached;
    },
    text: () => all,
    isComplete: () => err === null && (state === DONE || topLevelNumber()),
    error: () => err,
  };
}

/** One-shot parse of a possibly unfinished JSON text. */
export function parsePartialJson(text: string): PartialJsonResult {
  const parser = createPartialJson();
  parser.push(text);
  return { value: parser.value(), complete: parser.isComplete(), error: parser.error() };
}

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}

// "__proto__" must become an own property, as JSON.parse makes it, not the prototype.
function setKey(target: Record<string, unknown>, key: string, v: unknown) {
  if (key === '__proto__') Object.defineProperty(target, key, { value: v, writable: true, enumerable: true, configurable: true });
  else target[key] = v;
}
