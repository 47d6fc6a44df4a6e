import type { Message } from '../../core/conversation/types';

export interface BranchPosition {
  branchIndex: number;
  branchCount: number;
}

export type BranchLookup = (id: string) => BranchPosition;

/**
 * Each message's place among its siblings, from one pass over the conversation. The view asks
 * for every visible row on every frame of a stream, so a per-row scan of a 2,000-message
 * conversation (what siblingsOf does) would make the frame cost quadratic.
 */
export function branchIndex(messages: readonly Message[]): BranchLookup {
  const byParent = new Map<string, string[]>();
  const parentOf = new Map<string, string>();
  for (const m of messages) {
    const parent = m.parentId ?? '';
    parentOf.set(m.id, parent);
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(m.id);
    else byParent.set(parent, [m.id]);
  }
  return (id) => {
    const parent = parentOf.get(id);
    const ids = parent === undefined ? undefined : byParent.get(parent);
    if (!ids) return { branchIndex: -1, branchCount: 0 };
    return { branchIndex: ids.indexOf(id), branchCount: ids.length };
  };
}
