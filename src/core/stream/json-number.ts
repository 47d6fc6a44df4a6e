// The JSON number grammar as a small automaton, fed one character at a time.

const MINUS = 0;
const ZERO = 1;
const INT = 2;
const DOT = 3;
const FRAC = 4;
const EXP_MARK = 5;
const EXP_SIGN = 6;
const EXP = 7;
const CAN_END = [false, true, true, false, true, false, false, true];

/** The automaton state after the first character of a number ('-' or a digit). */
export function startNumber(ch: string): number {
  return ch === '-' ? MINUS : ch === '0' ? ZERO : INT;
}

/** The next state, or -1 when `ch` cannot continue the number. */
export function stepNumber(state: number, ch: string): number {
  const digit = ch >= '0' && ch <= '9';
  const exp = ch === 'e' || ch === 'E';
  switch (state) {
    case MINUS:
      return ch === '0' ? ZERO : digit ? INT : -1;
    case ZERO:
      return ch === '.' ? DOT : exp ? EXP_MARK : -1;
    case INT:
      return digit ? INT : ch === '.' ? DOT : exp ? EXP_MARK : -1;
    case DOT:
      return digit ? FRAC : -1;
    case FRAC:
      return digit ? FRAC : exp ? EXP_MARK : -1;
    case EXP_MARK:
      return ch === '+' || ch === '-' ? EXP_SIGN : digit ? EXP : -1;
    default:
      return digit ? EXP : -1;
  }
}

/** Whether the characters so far form a whole number ("1", "-0.5e3" but not "-", "1." or "1e"). */
export function canEndNumber(state: number): boolean {
  return CAN_END[state];
}
