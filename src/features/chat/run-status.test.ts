import { describe, expect, it } from 'vitest';
import { withRetry, type RetryInfo } from '../../core/protocols/retry-policy';
import { ModelError, type ModelClient } from '../../core/protocols/types';
import { translator } from '../../i18n';
import { statusMessages } from './messages';
import { QUIET_NOTICE_MS, retryText, runStatusText } from './run-status';
import type { ChatSnapshot } from '../../core/run/chat-controller';
import { initialRunState } from '../../core/run/machine';
import { emptyConversation } from '../../core/conversation/tree';

/** The RetryInfo the real policy reports for a first attempt failing with `error`. */
async function retryInfoFor(error: ModelError): Promise<RetryInfo> {
  let attempt = 0;
  const client: ModelClient = {
    label: 'fake',
    async *stream() {
      if (attempt++ === 0) throw error;
    },
  };
  const waits: RetryInfo[] = [];
  const wrapped = withRetry(client, { sleep: async () => undefined, onWait: (info) => waits.push(info) });
  for await (const _event of wrapped.stream({ messages: [], tools: [], signal: new AbortController().signal })) void _event;
  expect(waits).toHaveLength(1);
  return waits[0];
}

describe('retryText', () => {
  const en = translator(statusMessages, 'en');
  const zh = translator(statusMessages, 'zh-CN');

  it('reads as before in English', async () => {
    const info = await retryInfoFor(new ModelError('rate_limit', 'slow down', { status: 429, retryAfterMs: 3000 }));
    expect(retryText(info, en)).toBe('Rate limited — retrying in 3 s (attempt 2 of 3)');
  });

  it('counts down as the wait goes on, never below one second', async () => {
    const info = await retryInfoFor(new ModelError('rate_limit', 'slow down', { status: 429, retryAfterMs: 3000 }));
    expect(retryText(info, en, 999)).toMatch(/retrying in 3 s/);
    expect(retryText(info, en, 1000)).toMatch(/retrying in 2 s/);
    expect(retryText(info, en, 2500)).toMatch(/retrying in 1 s/);
    expect(retryText(info, en, 5000)).toMatch(/retrying in 1 s/);
  });

  it('translates every reason the retry policy gives', async () => {
    const rate = await retryInfoFor(new ModelError('rate_limit', 'slow down', { status: 429, retryAfterMs: 3000 }));
    expect(retryText(rate, zh)).toBe('请求过于频繁——3 秒后重试（第 2 次，共 3 次）');
    const server = await retryInfoFor(new ModelError('server', 'oops', { status: 503 }));
    expect(retryText(server, zh)).toBe('服务器错误（HTTP 503）——1 秒后重试（第 2 次，共 3 次）');
    const network = await retryInfoFor(new ModelError('network', 'unreachable'));
    expect(retryText(network, zh)).toBe('连接失败——1 秒后重试（第 2 次，共 3 次）');
  });
});

describe('runStatusText while a round streams', () => {
  const en = translator(statusMessages, 'en');
  const snap: ChatSnapshot = { conversation: emptyConversation('c'), run: { ...initialRunState(), phase: 'generating', round: 1 }, turnId: null, log: [] };

  it('says Generating until the server has been quiet for ten seconds, then says so', () => {
    expect(runStatusText(snap, en, 50_000, null)).toBe('Generating…');
    expect(runStatusText(snap, en, 50_000, 50_000 - QUIET_NOTICE_MS + 1)).toBe('Generating…');
    expect(runStatusText(snap, en, 50_000, 50_000 - QUIET_NOTICE_MS)).toBe('The server has sent nothing for 10 s… Stop, or keep waiting.');
    expect(runStatusText(snap, translator(statusMessages, 'zh-CN'), 50_000, 0)).toMatch(/^服务器已有 10 秒/);
  });

  it('leaves the retry countdown alone', () => {
    const retrying = { ...snap, retrying: { attempt: 2, maxAttempts: 3, inMs: 3000, reason: 'Rate limited', since: 49_000 } };
    expect(runStatusText(retrying, en, 50_000, 0)).toMatch(/^Rate limited/);
  });
});
