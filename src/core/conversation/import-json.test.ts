import { describe, expect, it } from 'vitest';
import { sampleConversation } from './__fixtures__/sample-conversation';
import { exportConversationsJson } from './export-json';
import { importConversations, withFreshIds } from './import-json';
import { buildTranscript } from './transcript';
import { activePath } from './tree';
import type { Conversation } from './types';

const fileWith = (edit: (doc: any) => void) => {
  const doc = JSON.parse(exportConversationsJson([sampleConversation()]));
  edit(doc);
  return JSON.stringify(doc);
};
const errorOf = (text: string) => {
  const result = importConversations(text);
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error;
};

describe('importConversations', () => {
  it('restores an export exactly, branches included', () => {
    const result = importConversations(exportConversationsJson([sampleConversation()]));
    expect(result).toEqual({ ok: true, conversations: [sampleConversation()] });
    if (!result.ok) return;
    expect(activePath(result.conversations[0]).map((m) => m.id)).toEqual(['q1b', 'a1b', 'q2', 'a2']);
  });

  it('refuses text that is not JSON, or JSON that is not an export', () => {
    expect(errorOf('{"format":')).toBe('This file is not valid JSON, so it is not a Callstream export.');
    expect(errorOf('[1,2]')).toBe('This file is not a Callstream conversation export.');
    expect(errorOf('null')).toBe('This file is not a Callstream conversation export.');
    expect(errorOf(fileWith((d) => (d.format = 'other.app')))).toBe('This file is not a Callstream conversation export.');
  });

  it('refuses a newer format with a clear message, and a missing or odd version', () => {
    expect(errorOf(fileWith((d) => (d.version = 2)))).toBe('This file was made by a newer version of Callstream (format 2); this version reads format 1.');
    expect(errorOf(fileWith((d) => delete d.version))).toMatch(/no valid format version/);
    expect(errorOf(fileWith((d) => (d.version = 0.5)))).toMatch(/no valid format version/);
  });

  it('names the field when the structure is wrong', () => {
    const cases: [(d: any) => void, string][] = [
      [(d) => (d.conversations = {}), 'conversations should be a list'],
      [(d) => delete d.exportedAt, 'exportedAt should be a string'],
      [(d) => (d.conversations[0].title = 7), 'conversations[0].title should be a string'],
      [(d) => (d.conversations[0].messages[1].role = 'system'), 'conversations[0].messages[1].role should be "user" or "assistant"'],
      [(d) => (d.conversations[0].messages[0].createdAt = '1000'), 'conversations[0].messages[0].createdAt should be a number'],
      [(d) => (d.conversations[0].messages[3].calls.toolu_1.status = 'done'), 'conversations[0].messages[3].calls["toolu_1"].status should be "streaming_args", '],
      [(d) => (d.conversations[0].messages[3].rounds[0].parts[0] = { type: 'image' }), 'conversations[0].messages[3].rounds[0].parts[0].type should be'],
      [(d) => (d.conversations[0].messages[3].calls.toolu_1.outcome.truncated = 'no'), 'outcome.truncated should be true or false'],
      [(d) => (d.conversations[0].messages[2].id = ''), 'conversations[0].messages[2].id should be a non-empty string'],
    ];
    for (const [edit, message] of cases) expect(errorOf(fileWith(edit))).toContain(message);
    expect(errorOf(fileWith((d) => (d.conversations[0].title = 7)))).toMatch(/^This file is damaged or incomplete and was not imported: /);
  });

  it('checks the links of the tree: unique ids, parents, active children, no cycles', () => {
    const cases: [(d: any) => void, string][] = [
      [(d) => (d.conversations[0].messages[2].id = 'q1'), 'messages[2].id should be unique'],
      [(d) => (d.conversations[0].messages[1].parentId = 'nope'), 'messages[1].parentId should be null or the id of a message'],
      [(d) => (d.conversations[0].activeChild.q1 = 'a1b'), 'activeChild["q1"] should be the id of a child of "q1"'],
      [(d) => (d.conversations[0].activeChild[''] = 'ghost'), 'activeChild[""] should be the id of a child of the root'],
      [(d) => (d.conversations[0].activeChild.ghost = 'a1'), 'activeChild["ghost"] should be keyed by'],
      [(d) => (d.conversations[0].messages[0].parentId = 'a1'), 'should be free of cycles'],
      [(d) => (d.conversations[0].messages[3].calls.toolu_1.id = 'toolu_9'), 'calls["toolu_1"].id should be "toolu_1"'],
      [(d) => d.conversations.push(d.conversations[0]), 'conversations[1].id should be unique'],
    ];
    for (const [edit, message] of cases) expect(errorOf(fileWith(edit))).toContain(message);
  });

  it('drops fields the format does not know', () => {
    const result = importConversations(fileWith((d) => Object.assign(d.conversations[0], { apiKey: 'sk-x', extra: { a: 1 } })));
    expect(result.ok && Object.keys(result.conversations[0])).not.toContain('apiKey');
  });
});

describe('withFreshIds', () => {
  let n = 0;
  const fresh = () => withFreshIds(sampleConversation(), () => `n${++n}`);

  it('gives the conversation, messages and calls new ids and remaps every reference', () => {
    const conv = fresh();
    const before = sampleConversation();
    expect(conv.id).not.toBe(before.id);
    const oldIds = new Set([before.id, ...before.messages.map((m) => m.id), 'toolu_1', 'toolu_2']);
    const text = JSON.stringify({ ids: conv.messages.map((m) => m.id), parents: conv.messages.map((m) => m.parentId), active: conv.activeChild });
    for (const id of oldIds) expect(text).not.toContain(`"${id}"`);
    const ok = importConversations(exportConversationsJson([conv]));
    expect(ok.ok).toBe(true);
  });

  it('keeps the same active path and the same transcript apart from the ids', () => {
    const before = sampleConversation();
    const after: Conversation = fresh();
    expect(activePath(after).map((m) => m.role + ':' + ('text' in m ? m.text : m.model))).toEqual(
      activePath(before).map((m) => m.role + ':' + ('text' in m ? m.text : m.model)),
    );
    const strip = (t: ReturnType<typeof buildTranscript>) => JSON.stringify(t).replace(/call_n\d+|toolu_\d/g, 'ID');
    expect(strip(buildTranscript(activePath(after)))).toBe(strip(buildTranscript(activePath(before))));
    const turn = after.messages.find((m) => m.role === 'assistant' && Object.keys(m.calls).length)!;
    if (turn.role !== 'assistant') return;
    for (const [key, call] of Object.entries(turn.calls)) expect(call.id).toBe(key);
    const partIds = turn.rounds.flatMap((r) => r.parts.flatMap((p) => (p.type === 'tool-call' ? [p.callId] : [])));
    expect(partIds.sort()).toEqual(Object.keys(turn.calls).sort());
  });

  it('does not touch the original', () => {
    const original = sampleConversation();
    withFreshIds(original, () => 'x' + Math.random());
    expect(original).toEqual(sampleConversation());
  });
});
