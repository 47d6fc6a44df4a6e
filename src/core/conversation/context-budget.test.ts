import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toOpenAIMessages } from '../protocols/openai-chat-request';
import { toAnthropicMessages } from '../protocols/anthropic-messages-request';
import { defaultReserve, defaultResultTokens, fitToBudget, truncateResult } from './context-budget';
import { anthropicRequestProblems, openAIRequestProblems } from './request-validity';
import { estimateRequestTokens, estimateTokens } from './token-estimate';
import { buildTranscript } from './transcript';
import type { AssistantMessage, Message, ToolCallState, ToolCallStatus, UserMessage } from './types';

let seq = 0;
const user = (text: string, id = `u${++seq}`): UserMessage => ({ id, parentId: null, role: 'user', text, createdAt: 0 });
const call = (id: string, resultText?: string, status: ToolCallStatus = 'succeeded'): ToolCallState => ({
  id,
  name: 'read_file',
  round: 0,
  argsText: '{"path":"notes.txt"}',
  args: { path: 'notes.txt' },
  status,
  resultText,
}) as ToolCallState;
const turn = (rounds: { text?: string; calls?: ToolCallState[] }[], id = `a${++seq}`): AssistantMessage => ({
  id,
  parentId: null,
  role: 'assistant',
  createdAt: 0,
  model: 'test',
  rounds: rounds.map((r) => ({ parts: [...(r.text ? [{ type: 'text' as const, text: r.text }] : []), ...(r.calls ?? []).map((c) => ({ type: 'tool-call' as const, callId: c.id }))] })),
  calls: Object.fromEntries(rounds.flatMap((r) => r.calls ?? []).map((c) => [c.id, c])),
});

describe('fitToBudget', () => {
  const long = 'word '.repeat(400); // 500 tokens

  it('sends the whole path with the system prompt when it fits', () => {
    const path = [user('hi'), turn([{ text: 'hello' }]), user('more')];
    const out = fitToBudget(path, { systemPrompt: 'Be brief.', contextTokens: 8000 });
    expect(out.transcript).toEqual(buildTranscript(path, 'Be brief.'));
    expect(out).toMatchObject({ firstKeptId: null, dropped: 0, budgetTokens: 8000 - 2000 });
    expect(out.estimatedTokens).toBe(estimateRequestTokens(out.transcript));
  });

  it('drops the oldest exchanges first, a tool call together with its result, and marks where the view begins', () => {
    const path = [
      user(long, 'q1'),
      turn([{ text: 'let me look', calls: [call('c1', long)] }, { text: long }], 'a1'),
      user(long, 'q2'),
      turn([{ text: long }], 'a2'),
      user('and now?', 'q3'),
    ];
    const out = fitToBudget(path, { systemPrompt: 'sys', contextTokens: 1600, reserveTokens: 0 });
    expect(out.firstKeptId).toBe('q2');
    expect(out.dropped).toBe(2);
    expect(out.transcript.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(out.transcript.some((m) => m.role === 'tool')).toBe(false);
    expect(out.estimatedTokens).toBeLessThanOrEqual(1600);
  });

  it('always sends the newest exchange with the current turn, even over budget', () => {
    const path = [user('old', 'q1'), turn([{ text: 'old answer' }]), user(long, 'q2'), turn([{ calls: [call('c1', 'ok')] }, {}], 'a2')];
    const out = fitToBudget(path, { contextTokens: 100, reserveTokens: 0 });
    expect(out.firstKeptId).toBe('q2');
    expect(out.transcript.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(out.estimatedTokens).toBeGreaterThan(100);
  });

  it('keeps the system prompt however small the budget', () => {
    const out = fitToBudget([user('a'), turn([{ text: 'b' }]), user('c')], { systemPrompt: 'You are terse.', contextTokens: 10, reserveTokens: 0 });
    expect(out.transcript[0]).toEqual({ role: 'system', content: 'You are terse.' });
    expect(out.transcript.slice(1)).toEqual([{ role: 'user', content: 'c' }]);
  });

  it('truncates long tool results with a marker and counts the cut version', () => {
    const out = fitToBudget([user('read it'), turn([{ calls: [call('c1', 'x'.repeat(10_000))] }])], { contextTokens: 100_000, resultTokens: 200 });
    const result = out.transcript.find((m) => m.role === 'tool')!;
    expect(result.content).toMatch(/\n…\[truncated to fit the context: \d+ of 10000 characters\]$/);
    expect(estimateTokens(result.content)).toBeLessThanOrEqual(200);
    expect(out.dropped).toBe(0);
  });

  it('defaults the per-result cap to 4000 tokens, less for small contexts', () => {
    const big = [user('go'), turn([{ calls: [call('c1', 'y'.repeat(40_000))] }])];
    const tool = (contextTokens: number) => fitToBudget(big, { contextTokens }).transcript.find((m) => m.role === 'tool')!.content;
    expect(estimateTokens(tool(1_000_000))).toBeLessThanOrEqual(4000);
    expect(estimateTokens(tool(1_000_000))).toBeGreaterThan(3900);
    expect(estimateTokens(tool(8192))).toBeLessThanOrEqual((8192 - 2048) / 4);
  });

  it('never starts with an assistant message that has no question before it', () => {
    const out = fitToBudget([turn([{ text: 'greeting' }], 'a0'), user('hi', 'q1')], { contextTokens: 1000 });
    expect(out.transcript).toEqual([{ role: 'user', content: 'hi' }]);
    expect(out).toMatchObject({ firstKeptId: 'q1', dropped: 1 });
  });

  it('counts tool definitions against the budget', () => {
    const path = [user(long, 'q1'), turn([{ text: 'ok' }]), user('next', 'q2')];
    const tools = [{ name: 'huge', description: 'd'.repeat(2000), parameters: { type: 'object' } }];
    expect(fitToBudget(path, { contextTokens: 1000, reserveTokens: 0 }).dropped).toBe(0);
    expect(fitToBudget(path, { contextTokens: 1000, reserveTokens: 0, tools }).firstKeptId).toBe('q2');
  });

  it('reserves min(4096, 25%) of the context for the answer by default', () => {
    expect(defaultReserve(1000)).toBe(250);
    expect(defaultReserve(200_000)).toBe(4096);
  });

  it('leaves short results alone and keeps truncation within the cap', () => {
    expect(truncateResult('short', 10)).toBe('short');
    const cut = truncateResult('中'.repeat(500), 100);
    expect(cut.startsWith('中')).toBe(true);
    expect(cut).toContain('of 500 characters]');
    expect(estimateTokens(cut)).toBeLessThanOrEqual(100);
  });
});

// --- property tests -------------------------------------------------------------------------

const chunk = fc.constantFrom('The answer is 42. ', '你好世界，', 'こんにちは', '{"rows":[1,2,3],"ok":true}', 'x', '😀', '\n', '  ');
const text = fc.tuple(fc.array(chunk, { maxLength: 4 }), fc.integer({ min: 0, max: 200 })).map(([parts, n]) => parts.join('').repeat(n));
const statuses: ToolCallStatus[] = ['succeeded', 'failed', 'rejected', 'cancelled', 'incomplete', 'invalid', 'running', 'pending_approval'];
const roundArb = fc.record({
  text: fc.option(text, { nil: undefined }),
  reasoning: fc.option(text, { nil: undefined }),
  calls: fc.array(fc.record({ status: fc.constantFrom(...statuses), result: fc.option(text, { nil: undefined }), args: text }), { maxLength: 3 }),
  missingCall: fc.boolean(),
  signed: fc.boolean(),
});
const exchangeArb = fc.record({ question: text, rounds: fc.option(fc.array(roundArb, { maxLength: 3 }), { nil: undefined }) });
type Spec<A> = A extends fc.Arbitrary<infer T> ? T : never;
const pathArb = fc.record({ leadingAssistant: fc.boolean(), exchanges: fc.array(exchangeArb, { minLength: 1, maxLength: 7 }) }).map(buildPath);

function buildPath({ leadingAssistant, exchanges }: { leadingAssistant: boolean; exchanges: Spec<typeof exchangeArb>[] }): Message[] {
  let n = 0;
  const path: Message[] = [];
  const assistant = (rounds: Spec<typeof roundArb>[]): AssistantMessage => {
    const calls: Record<string, ToolCallState> = {};
    const id = `a${++n}`;
    return {
      id,
      parentId: null,
      role: 'assistant',
      createdAt: 0,
      model: 'm',
      rounds: rounds.map((r, round) => ({
        parts: [
          ...(r.reasoning ? [{ type: 'reasoning' as const, text: r.reasoning }] : []),
          ...(r.text ? [{ type: 'text' as const, text: r.text }] : []),
          ...r.calls.map((c) => {
            const callId = `call_${++n}`;
            calls[callId] = { id: callId, name: 'tool', round, argsText: c.args, status: c.status, resultText: c.result } as ToolCallState;
            return { type: 'tool-call' as const, callId };
          }),
          // A part whose call went missing must not produce an unanswered tool_use.
          ...(r.missingCall ? [{ type: 'tool-call' as const, callId: `ghost_${++n}` }] : []),
        ],
        ...(r.signed ? { reasoningBlocks: [{ type: 'thinking' as const, thinking: r.reasoning ?? 'hmm', signature: 'c2ln' }] } : {}),
      })),
      calls,
    };
  };
  if (leadingAssistant) path.push(assistant([{ text: 'hello', reasoning: undefined, calls: [], missingCall: false, signed: false }]));
  for (const ex of exchanges) {
    // Composers refuse blank questions; a tag keeps each one identifiable too.
    path.push({ id: `u${++n}`, parentId: null, role: 'user', text: `[q${n}] ${ex.question}`, createdAt: 0 });
    if (ex.rounds) path.push(assistant(ex.rounds));
  }
  return path.map((m, i) => ({ ...m, parentId: i ? path[i - 1].id : null }));
}

const optsArb = fc.record({
  contextTokens: fc.integer({ min: 20, max: 20_000 }),
  reserveTokens: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  resultTokens: fc.option(fc.integer({ min: 40, max: 3000 }), { nil: undefined }),
  systemPrompt: fc.option(text, { nil: undefined }),
});

describe('fitToBudget properties', () => {
  it('always yields a valid OpenAI and Anthropic request that holds the newest question', () => {
    fc.assert(
      fc.property(pathArb, optsArb, (path, opts) => {
        const out = fitToBudget(path, opts);
        expect(openAIRequestProblems(toOpenAIMessages(out.transcript))).toEqual([]);
        expect(anthropicRequestProblems(toAnthropicMessages(out.transcript))).toEqual([]);
        const newest = path.filter((m) => m.role === 'user').at(-1) as UserMessage;
        const users = out.transcript.filter((m) => m.role === 'user');
        expect(users.at(-1)?.content).toBe(newest.text);
        if (opts.systemPrompt?.trim()) expect(out.transcript[0]).toEqual({ role: 'system', content: opts.systemPrompt });
      }),
      { numRuns: 300 },
    );
  });

  it('sends a suffix of the path, cut at a question, with only tool results shortened', () => {
    fc.assert(
      fc.property(pathArb, optsArb, (path, opts) => {
        const out = fitToBudget(path, opts);
        const start = out.firstKeptId === null ? 0 : path.findIndex((m) => m.id === out.firstKeptId);
        expect(out.dropped).toBe(out.firstKeptId === null ? 0 : start);
        expect(path[start].role).toBe('user');
        const full = buildTranscript(path.slice(start), opts.systemPrompt);
        expect(out.transcript.length).toBe(full.length);
        out.transcript.forEach((m, i) => {
          if (m.role !== 'tool') return expect(m).toEqual(full[i]);
          const original = full[i].content;
          if (m.content !== original) {
            expect(m.content).toMatch(new RegExp(`…\\[truncated to fit the context: \\d+ of ${original.length} characters\\]$`));
            expect(original.startsWith(m.content.slice(0, m.content.lastIndexOf('\n…[')))).toBe(true);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('stays within the budget whenever the newest exchange fits, and drops no more than needed', () => {
    fc.assert(
      fc.property(pathArb, optsArb, (path, opts) => {
        const out = fitToBudget(path, opts);
        expect(out.estimatedTokens).toBe(estimateRequestTokens(out.transcript));
        const starts = path.flatMap((m, i) => (m.role === 'user' ? [i] : []));
        const alone = fitToBudget(path.slice(starts.at(-1)), opts);
        if (alone.estimatedTokens <= out.budgetTokens) expect(out.estimatedTokens).toBeLessThanOrEqual(out.budgetTokens);
        const start = out.firstKeptId === null ? starts[0] : path.findIndex((m) => m.id === out.firstKeptId);
        const earlier = starts.filter((s) => s < start).at(-1);
        if (earlier === undefined) return;
        // One more exchange would not have fit.
        const cap = opts.resultTokens ?? defaultResultTokens(out.budgetTokens);
        const more = buildTranscript(path.slice(earlier, start)).map((m) => (m.role === 'tool' ? { ...m, content: truncateResult(m.content, cap) } : m));
        expect(estimateRequestTokens([...out.transcript, ...more])).toBeGreaterThan(out.budgetTokens);
      }),
      { numRuns: 200 },
    );
  });
});

describe('request validity checks', () => {
  it('catch what providers reject, so the properties above can fail', () => {
    const orphan = [{ role: 'user' as const, content: 'hi' }, { role: 'tool' as const, toolCallId: 'c1', name: 't', content: 'r' }];
    expect(openAIRequestProblems(toOpenAIMessages(orphan))).toHaveLength(1);
    expect(anthropicRequestProblems(toAnthropicMessages(orphan)).join()).toMatch(/tool_result c1 has no tool_use/);
    const unanswered = [{ role: 'user' as const, content: 'hi' }, { role: 'assistant' as const, content: '', toolCalls: [{ id: 'c2', name: 't', argsText: '{}' }] }];
    expect(openAIRequestProblems(toOpenAIMessages(unanswered))).toEqual(['tool call c2 has no result']);
    expect(anthropicRequestProblems(toAnthropicMessages(unanswered)).join()).toMatch(/tool_use c2 has no tool_result/);
    const assistantFirst = [{ role: 'assistant' as const, content: 'hello' }, { role: 'user' as const, content: 'hi' }];
    expect(openAIRequestProblems(toOpenAIMessages(assistantFirst))).toHaveLength(1);
    expect(anthropicRequestProblems(toAnthropicMessages(assistantFirst))).toEqual(['the first message is not from the user']);
  });
});
