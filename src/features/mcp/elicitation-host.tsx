import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { Elicitations } from '../../core/mcp/elicitations';

// The dialog (and its strings) load only when a server first asks for input.
const ElicitationDialog = lazy(() => import('./elicitation-dialog').then((m) => ({ default: m.ElicitationDialog })));

/** Shows the oldest pending MCP elicitation, if any, one at a time. */
export function ElicitationHost({ elicitations }: { elicitations: Elicitations }) {
  const pending = useSyncExternalStore(elicitations.subscribe, elicitations.current);
  if (!pending) return null;
  return (
    <Suspense fallback={null}>
      <ElicitationDialog key={pending.id} request={pending} onAnswer={(answer) => elicitations.answer(pending.id, answer)} />
    </Suspense>
  );
}
