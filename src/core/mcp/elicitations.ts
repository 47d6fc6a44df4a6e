// Elicitations waiting for the user, one dialog at a time, oldest first. Framework-free: the MCP
// connection asks, the dialog answers.

export interface McpElicitRequest {
  message: string;
  /** The requested schema (a flat object; see elicitation-form.ts). */
  schema: Record<string, unknown>;
}

export type McpElicitAnswer = { action: 'accept'; content: Record<string, unknown> } | { action: 'decline' } | { action: 'cancel' };

export interface PendingElicitation extends McpElicitRequest {
  id: number;
  /** The name the user gave the server that asks. */
  serverName: string;
}

export interface Elicitations {
  /** The elicitation to show now, or null. The same object until it is answered. */
  current(): PendingElicitation | null;
  subscribe(listener: () => void): () => void;
  /** Queues a request; resolves with the user's answer, or `cancel` when `signal` aborts first (the call was cancelled). */
  ask(serverName: string, request: McpElicitRequest, signal?: AbortSignal): Promise<McpElicitAnswer>;
  answer(id: number, answer: McpElicitAnswer): void;
}

export function createElicitations(): Elicitations {
  const queue: { pending: PendingElicitation; resolve(answer: McpElicitAnswer): void }[] = [];
  const listeners = new Set<() => void>();
  let nextId = 1;
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };
  const settle = (id: number, answer: McpElicitAnswer) => {
    const index = queue.findIndex((q) => q.pending.id === id);
    if (index < 0) return;
    const [item] = queue.splice(index, 1);
    item.resolve(answer);
    changed();
  };
  return {
    current: () => queue[0]?.pending ?? null,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    ask(serverName, request, signal) {
      if (signal?.aborted) return Promise.resolve({ action: 'cancel' });
      const pending: PendingElicitation = { id: nextId++, serverName, message: request.message, schema: request.schema };
      return new Promise((resolve) => {
        queue.push({ pending, resolve });
        signal?.addEventListener('abort', () => settle(pending.id, { action: 'cancel' }), { once: true });
        changed();
      });
    },
    answer: settle,
  };
}
