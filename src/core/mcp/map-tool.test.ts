// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { executeTool } from '../tools/execute';
import type { ToolEvent } from '../tools/types';
import { contentText, progressEvent, resultEvent, toToolDefinition } from './map-tool';
import type { McpCallOptions, McpCallResult, McpConnection, McpToolInfo } from './types';

const info: McpToolInfo = {
  name: 'slow_count',
  description: 'Counts slowly.',
  inputSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { to: { type: 'integer' } }, required: ['to'] },
};

/** A connection whose one call the test drives by hand. */
function manualConnection() {
  let opts!: McpCallOptions;
  let finish!: (result: McpCallResult) => void;
  let fail!: (error: unknown) => void;
  const callTool = vi.fn((_name: string, _args: Record<string, unknown>, o: McpCallOptions) => {
    opts = o;
    return new Promise<McpCallResult>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  });
  const connection: Pick<McpConnection, 'callTool'> = { callTool };
  return { connection, callTool, progress: (p: Parameters<McpCallOptions['onProgress']>[0]) => opts.onProgress(p), signal: () => opts.signal, finish: (r: McpCallResult) => finish(r), fail: (e: unknown) => fail(e) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('toToolDefinition', () => {
  it('exposes the tool under the given name, asking first, with its schema minus $schema', () => {
    const tool = toToolDefinition(info, 'srv__slow_count', 'srv', manualConnection().connection);
    expect(tool).toMatchObject({
      name: 'srv__slow_count',
      description: 'Counts slowly.',
      policy: 'ask',
      parameters: { type: 'object', properties: { to: { type: 'integer' } }, required: ['to'] },
    });
    expect(tool.parameters).not.toHaveProperty('$schema');
  });

  it('describes a tool without a description by its title, or by where it comes from', () => {
    const { connection } = manualConnection();
    expect(toToolDefinition({ ...info, description: ' ', title: 'Slow counter' }, 'a', 'srv', connection).description).toBe('Slow counter');
    expect(toToolDefinition({ name: 'x', inputSchema: { type: 'object' } }, 'a', 'Files', connection).description).toBe(
      'The "x" tool of the MCP server "Files".',
    );
  });

  it('calls the server under the original name, streams progress as it arrives, and ends with the structured result', async () => {
    const manual = manualConnection();
    const tool = toToolDefinition(info, 'srv__slow_count', 'srv', manual.connection);
    const events: ToolEvent[] = [];
    const controller = new AbortController();
    const outcome = executeTool(tool, { to: 3 }, { signal: controller.signal, onEvent: (e) => events.push(e) });
    await tick();
    expect(manual.callTool).toHaveBeenCalledWith('slow_count', { to: 3 }, expect.objectContaining({ signal: expect.any(AbortSignal) }));

    manual.progress({ progress: 1, total: 3, message: 'one' });
    await tick();
    expect(events).toEqual([{ type: 'progress', current: 1, total: 3, percentage: (1 / 3) * 100, message: 'one' }]);
    manual.progress({ progress: 2, total: 3 });
    manual.finish({ content: [{ type: 'text', text: 'Counted to 3.' }], structuredContent: { counted: 3 } });

    const result = await outcome;
    expect(result.status).toBe('succeeded');
    expect(result.value).toEqual({ counted: 3 });
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress', 'done']);
  });

  it('aborts the server call when the user cancels, so the client can tell the server', async () => {
    const manual = manualConnection();
    const tool = toToolDefinition(info, 'srv__slow_count', 'srv', manual.connection);
    const controller = new AbortController();
    const outcome = executeTool(tool, { to: 3 }, { signal: controller.signal });
    await tick();
    expect(manual.signal().aborted).toBe(false);
    controller.abort();
    expect((await outcome).status).toBe('cancelled');
    expect(manual.signal().aborted).toBe(true);
  });

  it('turns a failed call into a failed outcome with the client’s message', async () => {
    const manual = manualConnection();
    const tool = toToolDefinition(info, 'srv__slow_count', 'srv', manual.connection);
    const outcome = executeTool(tool, { to: 3 }, { signal: new AbortController().signal });
    await tick();
    manual.fail(new Error('MCP error -32602: bad arguments'));
    expect(await outcome).toMatchObject({ status: 'failed', error: { message: 'MCP error -32602: bad arguments', code: 'mcp_error' } });
  });
});

describe('resultEvent', () => {
  it('gives joined text when there is no structured content', () => {
    expect(resultEvent({ content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] })).toEqual({ type: 'done', result: 'a\n\nb' });
  });

  it('fails with the text when the tool says isError', () => {
    expect(resultEvent({ content: [{ type: 'text', text: 'No such city' }], isError: true })).toEqual({
      type: 'error',
      message: 'No such city',
      code: 'mcp_tool_error',
    });
    expect(resultEvent({ isError: true })).toMatchObject({ type: 'error', message: 'The MCP tool reported an error without details.' });
  });
});

describe('contentText', () => {
  it('describes parts the model cannot read as text and skips unknown ones', () => {
    expect(
      contentText([
        { type: 'image', data: 'AAAA', mimeType: 'image/png' },
        { type: 'resource', resource: { uri: 'file:///a.txt', text: 'inline text' } },
        { type: 'resource', resource: { uri: 'file:///b.bin', blob: 'AAAA' } },
        { type: 'resource_link', uri: 'file:///c', name: 'c' },
        { type: 'mystery' },
        null,
      ]),
    ).toBe('[image (image/png) omitted]\n\ninline text\n\n[resource file:///b.bin omitted]\n\n[resource link: file:///c (c)]');
  });
});

describe('progressEvent', () => {
  it('has no percentage when the total is unknown, so the bar is indeterminate', () => {
    expect(progressEvent({ progress: 5 })).toEqual({ type: 'progress', current: 5 });
    expect(progressEvent({ progress: 12, total: 10 })).toMatchObject({ percentage: 100 });
  });
});
