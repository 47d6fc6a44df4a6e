import type { SseEvent } from './sse-decoder';
import type { StreamDecoder } from './stream-decoder';
import type { ModelEvent, ReasoningBlock, Usage } from './types';
import { ModelError } from './types';
import { cutOff, parseArgs, UNNAMED_CALL } from './shared';
import { mapFinishReason } from './finish-reason';
import { invalidStreamError, providerStreamError } from './stream-error';
import { carriesWords, hasStrings, isRecord, leftover, warning } from './decode-report';
import type { DecodeWarningCode } from './types';

// Blocks Anthropic runs itself (web search, code execution, MCP connector): nothing for us to run,
// and the model's own text afterwards says what came of them.
// Keys of known blocks and deltas that we read or that carry no words (citations repeat the text).
const BLOCK_KEYS = new Set(['type', 'text', 'thinking', 'signature', 'data', 'id', 'name', 'input', 'citations', 'cache_control', 'caller']);
const DELTA_KEYS = new Set(['type', 'text', 'thinking', 'signature', 'partial_json', 'citation']);
const SERVER_BLOCKS = new Set(['server_tool_use', 'web_search_tool_result', 'web_fetch_tool_result', 'code_execution_tool_result', 'bash_code_execution_tool_result', 'text_editor_code_execution_tool_result', 'mcp_tool_use', 'mcp_tool_result', 'container_upload', 'tool_search_tool_result']);

type Block =
  | { kind: 'text' }
  | { kind: 'thinking'; text: string; signature: string }
  | { kind: 'redacted'; data: string }
  | { kind: 'tool'; call: number; id: string; name: string; args: string; input: unknown; closed: boolean }
  /** A server tool's block: its deltas are its own business. */
  | { kind: 'ignored' }
  /** A block type we do not know: its deltas are reported like the block was. */
  | { kind: 'unknown' };

/** Anthropic usage counts prompt tokens in three buckets; the app shows their sum. */
interface AnthropicUsage {
  input_tokens?: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  output_tokens?: number;
}

/**
 * Decodes an Anthropic Messages SSE stream. Tool input arrives as `input_json_delta` pieces keyed by
 * content block index; thinking blocks keep their signature so they can be sent back. `ping` is
 * ignored; unknown events and block types are skipped with a warning; a duplicate `message_start`
 * for the same message is tolerated, one for another message (a spliced stream) is an error.
 */
export function createAnthropicStreamDecoder(): StreamDecoder {
  const blocks = new Map<number, Block>();
  const tools: Extract<Block, { kind: 'tool' }>[] = [];
  const warnings: string[] = [];
  let messageId: string | null = null;
  let started = false;
  let stopReason: string | null = null;
  let stopped = false;
  const usage: Usage = {};
  let out: ModelEvent[] = [];

  // Every oddity is both a warning event (the inspector, the turn's notice) and a line for the replay tool.
  function warn(code: DecodeWarningCode, message: string, data?: unknown, visible = carriesWords(data)) {
    if (!warnings.includes(message)) warnings.push(message);
    out.push(warning(code, message, data, visible));
  }

  function readUsage(u: AnthropicUsage | null | undefined) {
    if (!u) return;
    if (typeof u.input_tokens === 'number')
      usage.inputTokens = u.input_tokens + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);
    if (typeof u.output_tokens === 'number') usage.outputTokens = u.output_tokens;
  }

  function messageStart(message: { id?: string; usage?: AnthropicUsage } | undefined) {
    const id = message?.id ?? null;
    if (started) {
      if (id === messageId || id === null) {
        warn('ignored_event', `Ignored a repeated message_start${id ? ` (${id})` : ''}.`, undefined, false);
        return;
      }
      const text = `second message_start (${id}) arrived while ${messageId ?? 'the first message'} was still open`;
      throw invalidStreamError(`The stream mixed two answers: ${text}.`, text);
    }
    started = true;
    messageId = id;
    readUsage(message?.usage);
    const content = (message as { content?: unknown } | undefined)?.content;
    if (hasStrings(content)) warn('unexpected_value', 'message_start already carried content, which Anthropic sends only as content blocks; it was not shown.', content);
  }

  function blockStart(index: number, block: Record<string, unknown> | undefined, out: ModelEvent[]) {
    const type = block?.type;
    if (blocks.has(index)) warn('ignored_event', `content_block_start for index ${index} while that block was open; the old block was dropped.`, undefined, false);
    if (block && ['text', 'thinking', 'redacted_thinking', 'tool_use'].includes(String(type))) {
      const rest = leftover(block, BLOCK_KEYS);
      if (rest) warn('unknown_field', `Ignored unknown fields of a ${String(type)} block: ${Object.keys(rest).join(', ')}.`, rest, false);
    }
    if (type === 'text') {
      blocks.set(index, { kind: 'text' });
      if (typeof block?.text === 'string' && block.text) out.push({ type: 'text-delta', text: block.text });
    } else if (type === 'thinking') {
      const text = typeof block?.thinking === 'string' ? block.thinking : '';
      blocks.set(index, { kind: 'thinking', text, signature: typeof block?.signature === 'string' ? block.signature : '' });
      if (text) out.push({ type: 'reasoning-delta', text });
    } else if (type === 'redacted_thinking') {
      blocks.set(index, { kind: 'redacted', data: typeof block?.data === 'string' ? block.data : '' });
    } else if (type === 'tool_use') {
      const call = tools.length;
      const id = typeof block?.id === 'string' && block.id ? block.id : `toolu_missing_${call}`;
      const named = typeof block?.name === 'string' && block.name !== '';
      const name = named ? (block!.name as string) : UNNAMED_CALL;
      if (!named) warn('unnamed_call', `The tool call ${id} came without a name; the model is told it named no tool.`, block, true);
      const tool = { kind: 'tool' as const, call, id, name, args: '', input: block?.input, closed: false };
      tools.push(tool);
      blocks.set(index, tool);
      out.push({ type: 'tool-call-start', index: call, id, name, ...(block?.id ? {} : { syntheticId: true }) });
    } else if (typeof type === 'string' && SERVER_BLOCKS.has(type)) {
      blocks.set(index, { kind: 'ignored' });
      warn('unknown_block', `Ignored a ${type} block (a tool Anthropic runs itself).`, block, false);
    } else {
      blocks.set(index, { kind: 'unknown' });
      warn('unknown_block', `A content block of type ${String(type)} is not something Callstream can show.`, block);
    }
  }

  function blockDelta(index: number, delta: Record<string, unknown> | undefined, out: ModelEvent[]) {
    const block = blocks.get(index);
    const type = delta?.type;
    if (block?.kind === 'ignored') {
      warn('ignored_event', `Ignored the deltas of a block Anthropic runs itself (block ${index}).`, delta, false);
      return;
    }
    const known = ['text_delta', 'thinking_delta', 'signature_delta', 'input_json_delta', 'citations_delta'].includes(String(type));
    if (known && isRecord(delta)) {
      const rest = leftover(delta, DELTA_KEYS);
      if (rest) warn('unknown_field', `Ignored unknown fields of a ${String(type)}: ${Object.keys(rest).join(', ')}.`, rest, false);
    }
    if (type === 'text_delta') {
      if (typeof delta?.text === 'string' && delta.text) out.push({ type: 'text-delta', text: delta.text });
    } else if (type === 'thinking_delta') {
      const text = typeof delta?.thinking === 'string' ? delta.thinking : '';
      if (block?.kind === 'thinking') block.text += text;
      if (text) out.push({ type: 'reasoning-delta', text });
    } else if (type === 'signature_delta') {
      if (block?.kind === 'thinking' && typeof delta?.signature === 'string') block.signature += delta.signature;
    } else if (type === 'input_json_delta') {
      const piece = typeof delta?.partial_json === 'string' ? delta.partial_json : '';
      if (block?.kind !== 'tool') {
        warn('unexpected_value', `Dropped input_json_delta for block ${index}, which is not an open tool_use block.`, delta);
      } else if (piece) {
        block.args += piece;
        out.push({ type: 'tool-call-delta', index: block.call, argsText: piece });
      }
    } else if (type !== 'citations_delta') {
      warn('unknown_event', `A content_block_delta of type ${String(type)} is not something Callstream can show.`, delta);
    }
  }

  function closeTool(tool: Extract<Block, { kind: 'tool' }>, out: ModelEvent[]) {
    tool.closed = true;
    // Some gateways put the whole input in content_block_start and send no deltas.
    if (tool.args === '' && tool.input && typeof tool.input === 'object' && Object.keys(tool.input).length) {
      tool.args = JSON.stringify(tool.input);
      out.push({ type: 'tool-call-delta', index: tool.call, argsText: tool.args });
    } else if (tool.args !== '' && hasStrings(tool.input) && JSON.stringify(tool.input) !== tool.args) {
      warn('unexpected_value', `Tool call ${tool.id} had input in its content_block_start and streamed input too; the streamed input is used.`, tool.input, false);
    }
    out.push({ type: 'tool-call-end', index: tool.call, id: tool.id, name: tool.name, argsText: tool.args, ...parseArgs(tool.args) });
  }

  function blockStop(index: number, out: ModelEvent[]) {
    const block = blocks.get(index);
    blocks.delete(index);
    if (!block) warn('ignored_event', `content_block_stop for unknown block ${index}.`, undefined, false);
    else if (block.kind === 'tool') closeTool(block, out);
    else if (block.kind === 'thinking' && block.signature) out.push(reasoningBlock({ type: 'thinking', thinking: block.text, signature: block.signature }));
    else if (block.kind === 'redacted') out.push(reasoningBlock({ type: 'redacted_thinking', data: block.data }));
  }

  return {
    push(event: SseEvent): ModelEvent[] {
      if (stopped) return [];
      let payload: Record<string, any>;
      try {
        payload = JSON.parse(event.data);
      } catch {
        if (event.event === 'error') throw providerStreamError(event.data);
        if (event.unterminated) return cutOff(warnings);
        if (!event.data.trim()) {
          if (!warnings.includes('Ignored an event with empty data.')) warnings.push('Ignored an event with empty data.');
          return [];
        }
        const data = event.data.length > 80 ? `${event.data.slice(0, 80)}…` : event.data;
        throw invalidStreamError(`The server sent a malformed stream line: ${data}`, `malformed stream line: ${data}`);
      }
      const type = typeof payload?.type === 'string' ? payload.type : event.event;
      out = [{ type: 'raw', data: payload }];
      const index = typeof payload?.index === 'number' ? payload.index : 0;
      switch (type) {
        case 'message_start':
          messageStart(payload.message);
          break;
        case 'content_block_start':
          blockStart(index, payload.content_block, out);
          break;
        case 'content_block_delta':
          blockDelta(index, payload.delta, out);
          break;
        case 'content_block_stop':
          blockStop(index, out);
          break;
        case 'message_delta':
          if (typeof payload.delta?.stop_reason === 'string' && payload.delta.stop_reason) stopReason = payload.delta.stop_reason;
          readUsage(payload.usage);
          break;
        case 'message_stop':
          stopped = true;
          break;
        case 'error':
          throw providerStreamError(payload);
        case 'ping':
          break;
        default:
          warn('unknown_event', `Ignored an event of type ${String(type)}.`, payload);
      }
      return out;
    },
    end(): ModelEvent[] {
      if (!stopped && stopReason === null) throw new ModelError('stream', 'The connection closed before the answer finished.');
      out = [];
      // A block cut off by max_tokens may never get its content_block_stop.
      for (const tool of tools) if (!tool.closed) closeTool(tool, out);
      const hasUsage = usage.inputTokens !== undefined || usage.outputTokens !== undefined;
      out.push({ type: 'finish', reason: mapFinishReason(stopReason, tools.length > 0), rawReason: stopReason, ...(hasUsage ? { usage } : {}) });
      return out;
    },
    get finished() {
      return stopped || stopReason !== null;
    },
    get done() {
      return stopped;
    },
    warnings,
  };
}

/** Events of a non-streaming Messages response (`stream: false`). */
export function anthropicMessageEvents(message: unknown): ModelEvent[] {
  const body = message as { type?: string; content?: unknown; stop_reason?: string | null; usage?: unknown } | null;
  if (!body || typeof body !== 'object') throw new ModelError('stream', 'The server answered with something that is not a message.');
  if (body.type === 'error') throw providerStreamError(body);
  if (!Array.isArray(body.content)) throw new ModelError('stream', 'The server answered without any content.');
  // Replayed as the equivalent stream, so both paths share every rule above.
  const decoder = createAnthropicStreamDecoder();
  const feed = (payload: object) => decoder.push({ data: JSON.stringify(payload) }).filter((e) => e.type !== 'raw');
  const out: ModelEvent[] = [{ type: 'raw', data: message }];
  out.push(...feed({ type: 'message_start', message: { ...body, content: [] } }));
  body.content.forEach((block: Record<string, unknown>, index: number) => {
    const isTool = block?.type === 'tool_use';
    out.push(...feed({ type: 'content_block_start', index, content_block: isTool ? { ...block, input: {} } : block }));
    if (isTool) out.push(...feed({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input ?? {}) } }));
    out.push(...feed({ type: 'content_block_stop', index }));
  });
  out.push(...feed({ type: 'message_delta', delta: { stop_reason: body.stop_reason ?? 'end_turn' }, usage: body.usage }));
  out.push(...feed({ type: 'message_stop' }));
  return [...out, ...decoder.end()];
}

function reasoningBlock(block: ReasoningBlock): ModelEvent {
  return { type: 'reasoning-block', block };
}

