/** Messages the sandbox iframe relays to the host; the bootstrap adds the run's nonce. */
export type SandboxMessage =
  | { type: 'started' }
  | { type: 'log'; line: string }
  | { type: 'result'; value?: unknown; error?: string; droppedLogs: number };

/** Returns the message when `data` is a well-formed sandbox message for this run, else null. */
export function readSandboxMessage(data: unknown, nonce: string): SandboxMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.nonce !== nonce) return null;
  switch (message.type) {
    case 'started':
      return { type: 'started' };
    case 'log':
      return typeof message.line === 'string' ? { type: 'log', line: message.line } : null;
    case 'result': {
      if (message.error !== undefined && typeof message.error !== 'string') return null;
      const dropped = typeof message.droppedLogs === 'number' && message.droppedLogs > 0 ? message.droppedLogs : 0;
      const result: SandboxMessage = { type: 'result', droppedLogs: dropped };
      if (message.value !== undefined) result.value = message.value;
      if (message.error !== undefined) result.error = message.error as string;
      return result;
    }
    default:
      return null;
  }
}
