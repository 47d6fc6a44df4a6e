/** Thrown for any problem with an expression; `position` is 1-based, as in the message. */
export class ExpressionError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'ExpressionError';
    this.position = position;
  }
}

type Token =
  | { kind: 'number'; value: number; pos: number; text: string }
  | { kind: 'name'; value: string; pos: number; text: string }
  | { kind: 'op'; value: string; pos: number; text: string }
  | { kind: 'end'; pos: number; text: string };

interface FunctionSpec {
  min: number;
  max: number;
  fn: (...args: number[]) => number;
}

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

const FUNCTIONS: Record<string, FunctionSpec> = {
  sqrt: { min: 1, max: 1, fn: Math.sqrt },
  abs: { min: 1, max: 1, fn: Math.abs },
  sin: { min: 1, max: 1, fn: Math.sin },
  cos: { min: 1, max: 1, fn: Math.cos },
  tan: { min: 1, max: 1, fn: Math.tan },
  log: { min: 1, max: 1, fn: Math.log },
  log10: { min: 1, max: 1, fn: Math.log10 },
  exp: { min: 1, max: 1, fn: Math.exp },
  round: { min: 1, max: 2, fn: roundTo },
  floor: { min: 1, max: 1, fn: Math.floor },
  ceil: { min: 1, max: 1, fn: Math.ceil },
  min: { min: 1, max: Infinity, fn: Math.min },
  max: { min: 1, max: Infinity, fn: Math.max },
};

type OpToken = Extract<Token, { kind: 'op' }>;

const MAX_DEPTH = 200;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Names accepted in expressions, for error messages and the tool description. */
export const KNOWN_NAMES = [...Object.keys(CONSTANTS), ...Object.keys(FUNCTIONS)];

function roundTo(value: number, digits = 0): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) throw new RangeError('round digits must be a whole number from 0 to 15');
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const pos = i + 1;
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), pos, text: number[0] });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0].toLowerCase(), pos, text: name[0] });
      i += name[0].length;
      continue;
    }
    // Models often write Python's ** for powers; it means the same as ^.
    if (rest.startsWith('**')) {
      tokens.push({ kind: 'op', value: '^', pos, text: '**' });
      i += 2;
      continue;
    }
    if ('+-*/%^(),'.includes(rest[0])) {
      tokens.push({ kind: 'op', value: rest[0], pos, text: rest[0] });
      i += 1;
      continue;
    }
    throw new ExpressionError(`Unexpected character '${rest[0]}' at ${pos}`, pos);
  }
  tokens.push({ kind: 'end', pos: source.length + 1, text: '' });
  return tokens;
}

/**
 * Evaluates an arithmetic expression without eval: + - * / % ^ (right-associative), unary minus,
 * parentheses, pi, e and the functions in KNOWN_NAMES. Throws ExpressionError with a position.
 */
export function evaluateExpression(source: string): number {
  const tokens = tokenize(source);
  if (tokens.length === 1) throw new ExpressionError('The expression is empty', 1);
  let index = 0;
  let depth = 0;

  const peek = () => tokens[index];
  const isOp = (value: string) => {
    const token = peek();
    return token.kind === 'op' && token.value === value;
  };
  const unexpected = (token: Token): ExpressionError =>
    token.kind === 'end'
      ? new ExpressionError(`Unexpected end of expression at ${token.pos}`, token.pos)
      : new ExpressionError(`Unexpected '${token.text}' at ${token.pos}`, token.pos);
  const expect = (value: string) => {
    const token = peek();
    if (token.kind !== 'op' || token.value !== value) {
      const found = token.kind === 'end' ? 'the end' : `'${token.text}'`;
      throw new ExpressionError(`Expected '${value}' at ${token.pos} but found ${found}`, token.pos);
    }
    index++;
  };
  const finite = (value: number, pos: number): number => {
    if (Number.isNaN(value)) throw new ExpressionError(`The result at ${pos} is not a real number`, pos);
    if (!Number.isFinite(value)) throw new ExpressionError(`The result at ${pos} is too large`, pos);
    return value;
  };
  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError(`The expression is nested too deeply at ${peek().pos}`, peek().pos);
    try {
      return parse();
    } finally {
      depth--;
    }
  };

  function additive(): number {
    let value = term();
    while (isOp('+') || isOp('-')) {
      const op = tokens[index++] as OpToken;
      const right = term();
      value = finite(op.value === '+' ? value + right : value - right, op.pos);
    }
    return value;
  }

  function term(): number {
    let value = unary();
    while (isOp('*') || isOp('/') || isOp('%')) {
      const op = tokens[index++] as OpToken;
      const right = unary();
      if (op.value !== '*' && right === 0)
        throw new ExpressionError(`${op.value === '/' ? 'Division' : 'Modulo'} by zero at ${op.pos}`, op.pos);
      value = finite(op.value === '*' ? value * right : op.value === '/' ? value / right : value % right, op.pos);
    }
    return value;
  }

  // Unary minus binds looser than ^, so -2^2 is -4 as in mathematics.
  function unary(): number {
    if (isOp('-') || isOp('+')) {
      const op = tokens[index++] as OpToken;
      const value = nested(unary);
      return op.value === '-' ? -value : value;
    }
    return power();
  }

  function power(): number {
    const base = primary();
    if (!isOp('^')) return base;
    const op = tokens[index++] as OpToken;
    const exponent = nested(unary);
    if (base === 0 && exponent < 0) throw new ExpressionError(`Division by zero at ${op.pos}`, op.pos);
    return finite(base ** exponent, op.pos);
  }

  function primary(): number {
    const token = peek();
    if (token.kind === 'number') {
      index++;
      return finite(token.value, token.pos);
    }
    if (isOp('(')) {
      index++;
      const value = nested(additive);
      expect(')');
      return value;
    }
    if (token.kind === 'name') {
      index++;
      if (isOp('(')) return call(token.value, token.pos);
      if (Object.hasOwn(CONSTANTS, token.value)) return CONSTANTS[token.value];
      if (Object.hasOwn(FUNCTIONS, token.value))
        throw new ExpressionError(`${token.value} is a function: write ${token.value}(...) at ${token.pos}`, token.pos);
      throw new ExpressionError(
        `Unknown name '${token.text}' at ${token.pos}. Known names: ${KNOWN_NAMES.join(', ')}`,
        token.pos,
      );
    }
    throw unexpected(token);
  }

  function call(name: string, pos: number): number {
    const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (!spec) throw new ExpressionError(`Unknown function '${name}' at ${pos}. Known names: ${KNOWN_NAMES.join(', ')}`, pos);
    index++; // the '('
    const args: number[] = [];
    if (!isOp(')')) {
      args.push(nested(additive));
      while (isOp(',')) {
        index++;
        args.push(nested(additive));
      }
    }
    expect(')');
    if (args.length < spec.min || args.length > spec.max) {
      const wanted = spec.max === Infinity ? `at least ${spec.min}` : spec.min === spec.max ? `${spec.min}` : `${spec.min} or ${spec.max}`;
      throw new ExpressionError(`${name} takes ${wanted} argument(s), got ${args.length} at ${pos}`, pos);
    }
    if ((name === 'log' || name === 'log10') && args[0] <= 0)
      throw new ExpressionError(`${name} needs a positive number at ${pos}`, pos);
    if (name === 'sqrt' && args[0] < 0) throw new ExpressionError(`sqrt of a negative number at ${pos}`, pos);
    try {
      return finite(spec.fn(...args), pos);
    } catch (error) {
      if (error instanceof RangeError) throw new ExpressionError(`${error.message} at ${pos}`, pos);
      throw error;
    }
  }

  const value = additive();
  if (peek().kind !== 'end') throw unexpected(peek());
  return Object.is(value, -0) ? 0 : value;
}
