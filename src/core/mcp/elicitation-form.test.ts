import { describe, expect, it } from 'vitest';
import { asksForSecret, collectElicitation, initialElicitValues, planElicitation } from './elicitation-form';
import { createElicitations } from './elicitations';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Full name', description: 'Your name' },
    email: { type: 'string', format: 'email' },
    age: { type: 'integer', minimum: 1, maximum: 120, default: 42 },
    agree: { type: 'boolean' },
    friend: { type: 'string', enum: ['m', 'r'], enumNames: ['Monica', 'Rachel'], default: 'm' },
    hero: { type: 'string', oneOf: [{ const: 'h1', title: 'Superman' }] },
    fish: { type: 'array', minItems: 1, maxItems: 2, items: { anyOf: [{ const: 'f1', title: 'Tuna' }, { const: 'f2', title: 'Salmon' }, { const: 'f3', title: 'Trout' }] }, default: ['f1'] },
    nested: { type: 'object', properties: {} },
  },
  required: ['name'],
};

describe('planElicitation / collectElicitation', () => {
  it('plans every field of the spec’s primitive set and shows what it cannot fill', () => {
    const fields = planElicitation(schema);
    expect(fields.map((f) => [f.name, f.kind, f.label, f.required])).toEqual([
      ['name', 'text', 'Full name', true],
      ['email', 'text', 'email', false],
      ['age', 'number', 'age', false],
      ['agree', 'boolean', 'agree', false],
      ['friend', 'choice', 'friend', false],
      ['hero', 'choice', 'hero', false],
      ['fish', 'multi', 'fish', false],
      ['nested', 'unsupported', 'nested', false],
    ]);
    expect(fields[4]).toMatchObject({ options: [{ value: 'm', label: 'Monica' }, { value: 'r', label: 'Rachel' }], default: 'm' });
    expect(initialElicitValues(fields)).toEqual({ name: '', email: '', age: '42', agree: false, friend: 'm', hero: '', fish: ['f1'] });
  });

  it('collects typed content and refuses what the schema does not allow', () => {
    const fields = planElicitation(schema);
    const values = initialElicitValues(fields);
    expect(collectElicitation(fields, values)).toEqual({ ok: false, problems: { name: 'required' } });
    expect(collectElicitation(fields, { ...values, name: 'Ada', email: 'nope', age: '200', fish: ['f1', 'f2', 'f3'] })).toEqual({
      ok: false,
      problems: { email: 'email', age: 'range', fish: 'items' },
    });
    expect(collectElicitation(fields, { ...values, name: 'Ada', email: 'ada@example.com', agree: true })).toEqual({
      ok: true,
      content: { name: 'Ada', email: 'ada@example.com', age: 42, agree: true, friend: 'm', fish: ['f1'] },
    });
    const required = planElicitation({ type: 'object', properties: { blob: { type: 'object' } }, required: ['blob'] });
    expect(collectElicitation(required, {})).toEqual({ ok: false, problems: { blob: 'unsupported' } });
  });

  it('notices fields that ask for a secret', () => {
    const [password, plain, described] = planElicitation({
      type: 'object',
      properties: { pwd: { type: 'string', title: 'Password' }, city: { type: 'string' }, x: { type: 'string', description: 'Your API key' } },
    });
    expect([asksForSecret(password), asksForSecret(plain), asksForSecret(described)]).toEqual([true, false, true]);
  });
});

describe('createElicitations', () => {
  it('shows one request at a time, oldest first; a cancelled call withdraws its request', async () => {
    const queue = createElicitations();
    const calls = new AbortController();
    const first = queue.ask('A', { message: 'one', schema: {} });
    const second = queue.ask('B', { message: 'two', schema: {} }, calls.signal);
    expect(queue.current()).toMatchObject({ serverName: 'A', message: 'one' });
    queue.answer(queue.current()!.id, { action: 'decline' });
    await expect(first).resolves.toEqual({ action: 'decline' });
    expect(queue.current()).toMatchObject({ serverName: 'B' });
    calls.abort();
    await expect(second).resolves.toEqual({ action: 'cancel' });
    expect(queue.current()).toBeNull();
  });
});
