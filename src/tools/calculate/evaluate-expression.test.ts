// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './evaluate-expression';

describe('evaluateExpression', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['64 / 4 / 2', 8],
    ['2 ^ 3 ^ 2', 512],
    ['2 ** 3', 8],
    ['-2 ^ 2', -4],
    ['(-2) ^ 2', 4],
    ['2 ^ -1', 0.5],
    ['2 * -3', -6],
    ['--3', 3],
    ['+4', 4],
    ['7 % 3', 1],
    ['-7 % 3', -1],
    ['1 + 2 * 3 ^ 2 % 5', 4],
    ['.5 + 1.25', 1.75],
    ['1.5e3 + 2E-1', 1500.2],
    ['1e+2', 100],
    ['  3\t*\n2 ', 6],
  ])('%s = %d', (source, expected) => {
    expect(evaluateExpression(source)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['pi', Math.PI],
    ['E', Math.E],
    ['sqrt(16)', 4],
    ['abs(-3.5)', 3.5],
    ['sin(pi / 2)', 1],
    ['cos(0)', 1],
    ['tan(pi / 4)', 1],
    ['log(e ^ 3)', 3],
    ['log10(1000)', 3],
    ['exp(1)', Math.E],
    ['round(2.5)', 3],
    ['round(3.14159, 2)', 3.14],
    ['floor(-1.5)', -2],
    ['ceil(1.2)', 2],
    ['min(3, -1, 2)', -1],
    ['max(3, -1, 2)', 3],
    ['max(1)', 1],
    ['SQRT(max(2, 3) ^ 2 + 16)', 5],
  ])('%s', (source, expected) => {
    expect(evaluateExpression(source)).toBeCloseTo(expected, 12);
  });

  it('returns 0 rather than -0', () => {
    expect(Object.is(evaluateExpression('-0'), 0)).toBe(true);
  });

  it.each([
    ['(1 + 2))', "Unexpected ')' at 8"],
    ['(1 + 2', "Expected ')' at 7 but found the end"],
    ['1 +', 'Unexpected end of expression at 4'],
    ['', 'The expression is empty'],
    ['   ', 'The expression is empty'],
    ['2 $ 3', "Unexpected character '$' at 3"],
    ['1 / 0', 'Division by zero at 3'],
    ['1 / (2 - 2)', 'Division by zero at 3'],
    ['5 % 0', 'Modulo by zero at 3'],
    ['0 ^ -1', 'Division by zero at 3'],
    ['foo + 1', "Unknown name 'foo' at 1. Known names: pi, e, sqrt"],
    ['nope(1)', "Unknown function 'nope' at 1"],
    ['sqrt', 'sqrt is a function: write sqrt(...) at 1'],
    ['sqrt(1, 2)', 'sqrt takes 1 argument(s), got 2 at 1'],
    ['max()', 'max takes at least 1 argument(s), got 0 at 1'],
    ['round(1, 2, 3)', 'round takes 1 or 2 argument(s), got 3 at 1'],
    ['round(1, 0.5)', 'round digits must be a whole number from 0 to 15 at 1'],
    ['sqrt(-1)', 'sqrt of a negative number at 1'],
    ['1 + log(0)', 'log needs a positive number at 5'],
    ['10 ^ 400', 'The result at 4 is too large'],
    ['1e999', 'The result at 1 is too large'],
    ['(-8) ^ (1/3)', 'The result at 6 is not a real number'],
    ['2 3', "Unexpected '3' at 3"],
    ['1,2', "Unexpected ',' at 2"],
  ])('%j fails with %j', (source, message) => {
    expect(() => evaluateExpression(source)).toThrow(message);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(() => evaluateExpression('('.repeat(5000) + '1' + ')'.repeat(5000))).toThrow(/nested too deeply/);
    expect(() => evaluateExpression('-'.repeat(5000) + '1')).toThrow(/nested too deeply/);
  });

  it('never runs code', () => {
    expect(() => evaluateExpression('constructor')).toThrow(/Unknown name/);
    expect(() => evaluateExpression('alert(1)')).toThrow(/Unknown function/);
    expect(() => evaluateExpression('toString(1)')).toThrow(/Unknown function/);
  });
});

// Integer trees of + - * rendered with the fewest parentheses that keep their meaning, so the
// parser's precedence and left-associativity must reproduce the tree's value exactly.
type Tree = { leaf: number } | { op: '+' | '-' | '*'; left: Tree; right: Tree };

const treeArbitrary = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 5, withCrossShrink: true },
    fc.record({ leaf: fc.integer({ min: -50, max: 50 }) }),
    { arbitrary: fc.record({ op: fc.constantFrom('+', '-', '*'), left: tie('tree'), right: tie('tree') }), weight: 3 },
  ),
})).tree;

const precedence = (tree: Tree) => ('leaf' in tree ? (tree.leaf < 0 ? 1.5 : 3) : tree.op === '*' ? 2 : 1);

function render(tree: Tree): string {
  if ('leaf' in tree) return String(tree.leaf);
  const mine = precedence(tree);
  const wrap = (child: Tree, isRight: boolean) => {
    const theirs = precedence(child);
    // A negative literal is a unary minus, which only binds inside * operands or on the left.
    const needs = theirs < mine || (isRight && theirs === mine) || (isRight && 'leaf' in child && child.leaf < 0 && mine === 1);
    return needs ? `(${render(child)})` : render(child);
  };
  return `${wrap(tree.left, false)} ${tree.op} ${wrap(tree.right, true)}`;
}

function reference(tree: Tree): bigint {
  if ('leaf' in tree) return BigInt(tree.leaf);
  const a = reference(tree.left);
  const b = reference(tree.right);
  return tree.op === '+' ? a + b : tree.op === '-' ? a - b : a * b;
}

const maxExact = BigInt(Number.MAX_SAFE_INTEGER);
function staysExact(tree: Tree): boolean {
  if ('leaf' in tree) return true;
  const value = reference(tree);
  return value <= maxExact && value >= -maxExact && staysExact(tree.left) && staysExact(tree.right);
}

describe('evaluateExpression property', () => {
  it('agrees with a reference evaluation of integer + - * expressions', () => {
    fc.assert(
      fc.property(treeArbitrary, (tree) => {
        fc.pre(staysExact(tree));
        expect(evaluateExpression(render(tree))).toBe(Number(reference(tree)) + 0);
      }),
      { numRuns: 500 },
    );
  });
});
