import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset } from '../../core/providers/presets';
import { baseURLProblem, baseURLProblemMessage } from '../../core/providers/provider-config';
import { translator } from '../../i18n';
import { baseURLProblemText, presetLabel, presetNote } from './config-text';
import { messages } from './messages';

const en = translator(messages, 'en');
const zh = translator(messages, 'zh-CN');

describe('settings text in the interface language', () => {
  it('matches the core word for word in English', () => {
    for (const p of PRESETS) {
      expect(presetLabel(p, en)).toBe(p.label);
      expect(presetNote(p, en)).toBe(p.note);
    }
    for (const url of ['', 'ftp://x', 'https://u:p@example.com/v1', 'https://example.com/v1?x=1', 'http://example.com/v1'])
      expect(baseURLProblemText(url, en)).toBe(baseURLProblemMessage(baseURLProblem(url)!));
  });

  it('translates every problem the core finds with a base URL', () => {
    for (const url of ['', 'ftp://x', 'https://u:p@example.com/v1', 'https://example.com/v1?x=1']) {
      const text = baseURLProblemText(url, zh);
      expect(text).not.toBe(baseURLProblemMessage(baseURLProblem(url)!));
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
    const plain = baseURLProblemText('http://example.com/v1', zh);
    expect(plain).toContain('example.com');
    expect(plain).toMatch(/[\u4e00-\u9fff]/);
    expect(baseURLProblemText('https://example.com/v1', zh)).toBeNull();
  });

  it('names presets with words in 简体中文 and keeps product names', () => {
    expect(presetLabel(getPreset('demo'), zh)).toBe('离线演示');
    expect(presetLabel(getPreset('ollama'), zh)).toBe('Ollama（本地）');
    expect(presetLabel(getPreset('openai'), zh)).toBe('OpenAI');
    for (const p of PRESETS) if (p.note) expect(presetNote(p, zh)).toMatch(/[\u4e00-\u9fff]/);
  });
});
