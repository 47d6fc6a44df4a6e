import { describe, expect, it } from 'vitest';
import { sampleConversation } from './__fixtures__/sample-conversation';
import { SchemaError } from './conversation-schema';
import { EXPORT_FORMAT, EXPORT_VERSION, exportConversationsJson } from './export-json';
import { exportAllFileName, exportFileName } from './export-filename';
import { importConversations } from './import-json';
import type { Conversation } from './types';

const FAKE_KEY = 'sk-FAKE-must-never-leak-1234567890';

describe('exportConversationsJson', () => {
  it('writes a versioned document holding every branch, call, argument, result and timing', () => {
    const conv = sampleConversation();
    const doc = JSON.parse(exportConversationsJson([conv], new Date('2025-03-04T05:06:07Z')));
    expect(doc).toEqual({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '2025-03-04T05:06:07.000Z', conversations: [conv] });
    expect(doc.conversations[0].messages).toHaveLength(6);
    expect(doc.conversations[0].messages[3].calls.toolu_1).toMatchObject({ startedAt: 5200, endedAt: 6450, resultText: '{"lines":["hello","a","b"]}' });
  });

  it('exports several conversations and round-trips through import unchanged', () => {
    const second: Conversation = { ...sampleConversation(), id: 'conv-2', title: 'Other' };
    const result = importConversations(exportConversationsJson([sampleConversation(), second]));
    expect(result).toEqual({ ok: true, conversations: [sampleConversation(), second] });
  });

  it('serializes only conversation fields, so settings or keys attached at runtime never leak', () => {
    const conv = sampleConversation() as Conversation & Record<string, unknown>;
    conv.settings = { apiKey: FAKE_KEY, baseUrl: 'https://example.test' };
    conv.apiKey = FAKE_KEY;
    Object.assign(conv.messages[0], { headers: { Authorization: `Bearer ${FAKE_KEY}` } });
    Object.assign(conv.messages[3], { provider: { key: FAKE_KEY } });
    const turn = conv.messages[3];
    if (turn.role !== 'assistant') throw new Error('fixture changed');
    Object.assign(turn.calls.toolu_1, { request: { apiKey: FAKE_KEY } });
    Object.assign(turn.rounds[0], { raw: FAKE_KEY });
    Object.assign(turn.calls.toolu_1.progress!, { token: FAKE_KEY });

    const text = exportConversationsJson([conv]);
    expect(text).not.toContain(FAKE_KEY);
    expect(text).not.toMatch(/apiKey|settings|Authorization/);
    const exported = JSON.parse(text).conversations[0];
    expect(Object.keys(exported).sort()).toEqual(['activeChild', 'createdAt', 'id', 'messages', 'title', 'updatedAt']);
    expect(exported).toEqual(sampleConversation());
  });

  it('refuses to write a conversation that could not be imported again, naming the field', () => {
    const bad = { ...sampleConversation(), createdAt: Number.NaN };
    expect(() => exportConversationsJson([bad])).toThrow(SchemaError);
    expect(() => exportConversationsJson([bad])).toThrow('conversations[0].createdAt should be a number');
  });
});

describe('export file names', () => {
  it('derives a safe name from the title', () => {
    expect(exportFileName('Notes: a summary?', 'json')).toBe('Notes-a-summary.json');
    expect(exportFileName('../../etc/passwd', 'md')).toBe('etc-passwd.md');
    expect(exportFileName('  \u0000\u202e ', 'md')).toBe('conversation.md');
    expect(exportFileName('中文 标题 😀', 'json')).toBe('中文-标题-😀.json');
    const long = exportFileName('😀'.repeat(100), 'md');
    expect(Array.from(long.replace(/\.md$/, ''))).toHaveLength(60);
    expect(long).not.toMatch(/[\ud800-\udbff]\./);
  });

  it('dates the export of everything', () => {
    expect(exportAllFileName(new Date('2025-03-04T05:06:07Z'))).toBe('callstream-conversations-2025-03-04.json');
  });
});
