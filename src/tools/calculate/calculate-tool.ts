import type { ToolDefinition } from '../../core/tools/types';

/** The calculate tool: safe arithmetic, no eval. */
export function createCalculateTool(): ToolDefinition {
  return {
    name: 'calculate',
    description:
      'Evaluates an arithmetic expression exactly as written and returns the number. Use it instead of doing arithmetic ' +
      'in your head. Supports + - * / % (remainder), ^ for powers (right-associative, 2^3^2 = 2^9), unary minus, ' +
      'parentheses, decimals and exponent notation (1.5e3), the constants pi and e, and the functions sqrt, abs, ' +
      'sin, cos, tan (radians), log (natural), log10, exp, round(x) or round(x, digits), floor, ceil, min(a, b, ...), ' +
      'max(a, b, ...). No variables, units or percentages.',
    parameters: {
      type: 'object',
      properties: {
        expression: {
          type: 'string',
          minLength: 1,
          maxLength: 1000,
          description: 'The expression, for example "(2 + 3) * sqrt(16) / 4" or "round(100 * 1.075^10, 2)".',
        },
      },
      required: ['expression'],
      additionalProperties: false,
    },
    policy: 'auto',
    // The parser loads with the first calculation: it is not needed to start the app.
    async run(args: { expression: string }) {
      const { evaluateExpression } = await import('./evaluate-expression');
      return { expression: args.expression, result: evaluateExpression(args.expression) };
    },
  };
}
