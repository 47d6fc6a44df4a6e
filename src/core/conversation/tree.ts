import type { Conversation, Message } from './types';

/**
 * Messages form a tree: each has a parent, siblings are alternative branches (an edited question,
 * a regenerated answer). The conversation keeps every message in one flat list plus the chosen
 * child at each fork; the active path is what the user sees and exactly what goes to the model.
 */
const ROOT = '';
const keyOf = (parentId: string | null) => parentId ?? ROOT;
const pathCache = new WeakMap<Conversation, Message[]>();

/** Children of every parent, in creation order. */
function childrenIndex(conv: Conversation): Map<string, Message[]> {
  const index = new Map<string, Message[]>();
  for (const m of conv.messages) {
    const key = keyOf(m.parentId);
    const list = index.get(key);
    if (list) list.push(m);
    else index.set(key, [m]);
  }
  return index;
}

/** The active path from the first message to the chosen leaf (memoized per conversation object). */
export function activePath(conv: Conversation): Message[] {
  const cached = pathCache.get(conv);
  if (cached) return cached;
  const index = childrenIndex(conv);
  const path: Message[] = [];
  let key = ROOT;
  for (;;) {
    const children = index.get(key);
    if (!children?.length) break;
    const chosen = children.find((c) => c.id === conv.activeChild[key]) ?? children[children.length - 1];
    path.push(chosen);
    key = chosen.id;
  }
  pathCache.set(conv, path);
  return path;
}

/** The active path up to and including `id` (the transcript for a turn). */
export function pathTo(conv: Conversation, id: string): Message[] {
  const path = activePath(conv);
  const i = path.findIndex((m) => m.id === id);
  return i === -1 ? [] : path.slice(0, i + 1);
}

/** Appends a message at the end of the active path and keeps it active. */
export function appendToPath<M extends Message>(conv: Conversation, message: Omit<M, 'parentId'>): Conversation {
  const path = activePath(conv);
  const parentId = path.length ? path[path.length - 1].id : null;
  return attach(conv, { ...message, parentId } as M);
}

/** Adds an alternative to `siblingId` (same parent) and makes it the active branch. */
export function addSibling<M extends Message>(conv: Conversation, siblingId: string, message: Omit<M, 'parentId'>): Conversation {
  const sibling = conv.messages.find((m) => m.id === siblingId);
  if (!sibling) return conv;
  return attach(conv, { ...message, parentId: sibling.parentId } as M);
}

function attach(conv: Conversation, message: Message): Conversation {
  return {
    ...conv,
    messages: [...conv.messages, message],
    activeChild: { ...conv.activeChild, [keyOf(message.parentId)]: message.id },
    updatedAt: Date.now(),
  };
}

/** The branches at a message: its siblings' ids (itself included) and its position among them. */
export function siblingsOf(conv: Conversation, id: string): { ids: string[]; index: number } {
  const message = conv.messages.find((m) => m.id === id);
  if (!message) return { ids: [], index: -1 };
  const ids = conv.messages.filter((m) => m.parentId === message.parentId).map((m) => m.id);
  return { ids, index: ids.indexOf(id) };
}

/** Makes `id` the active branch at its fork; the rest of the path follows that branch's own choices. */
export function selectBranch(conv: Conversation, id: string): Conversation {
  const message = conv.messages.find((m) => m.id === id);
  if (!message) return conv;
  return { ...conv, activeChild: { ...conv.activeChild, [keyOf(message.parentId)]: id } };
}

/** An empty conversation. */
export function emptyConversation(id: string, now = Date.now()): Conversation {
  return { id, title: 'New chat', messages: [], activeChild: {}, createdAt: now, updatedAt: now };
}
