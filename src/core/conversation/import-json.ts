import { readConversation, SchemaError } from './conversation-schema';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-json';
import type { Conversation, Message } from './types';

export { withFreshIds } from './fresh-ids';

/** Why a file was refused, for a message in the reader's language; `error` carries the English text. */
export type ImportProblem =
  | { code: 'not_json' | 'not_export' | 'no_version' }
  | { code: 'newer_version'; version: number; supported: number }
  | { code: 'damaged'; detail: string };

export type ImportResult = { ok: true; conversations: Conversation[] } | { ok: false; error: string; problem: ImportProblem };

/**
 * Reads an export file. Pure: it only validates and returns copies, so a refused file changes
 * nothing. Checks the format and version, every field's type, and that each conversation's tree
 * holds together (unique ids, parents and active children that exist, no cycles).
 */
export function importConversations(text: string): ImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return refuse('This file is not valid JSON, so it is not a Callstream export.', { code: 'not_json' });
  }
  if (typeof doc !== 'object' || doc === null || (doc as Record<string, unknown>).format !== EXPORT_FORMAT)
    return refuse('This file is not a Callstream conversation export.', { code: 'not_export' });
  const { version, exportedAt, conversations } = doc as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return refuse('This file has no valid format version, so it cannot be read.', { code: 'no_version' });
  if (version > EXPORT_VERSION)
    return refuse(`This file was made by a newer version of Callstream (format ${version}); this version reads format ${EXPORT_VERSION}.`, {
      code: 'newer_version',
      version,
      supported: EXPORT_VERSION,
    });
  try {
    if (typeof exportedAt !== 'string') throw new SchemaError('exportedAt', 'a string');
    if (!Array.isArray(conversations)) throw new SchemaError('conversations', 'a list');
    const out = conversations.map((c, i) => readConversation(c, `conversations[${i}]`));
    const ids = new Set<string>();
    out.forEach((c, i) => {
      if (ids.has(c.id)) throw new SchemaError(`conversations[${i}].id`, `unique, but "${c.id}" appears twice`);
      ids.add(c.id);
      checkTree(c, `conversations[${i}]`);
    });
    return { ok: true, conversations: out };
  } catch (e) {
    if (e instanceof SchemaError) return refuse(`This file is damaged or incomplete and was not imported: ${e.message}.`, { code: 'damaged', detail: e.message });
    throw e;
  }
}

function refuse(error: string, problem: ImportProblem): ImportResult {
  return { ok: false, error, problem };
}

// The schema checks each message alone; these are the links between them that tree.ts relies on.
function checkTree(conv: Conversation, at: string) {
  const byId = new Map<string, Message>();
  const rooted = new Set<string>();
  conv.messages.forEach((m, i) => {
    if (byId.has(m.id)) throw new SchemaError(`${at}.messages[${i}].id`, `unique, but "${m.id}" appears twice`);
    byId.set(m.id, m);
  });
  conv.messages.forEach((m, i) => {
    if (m.parentId !== null && !byId.has(m.parentId))
      throw new SchemaError(`${at}.messages[${i}].parentId`, `null or the id of a message in the conversation ("${m.parentId}" is not)`);
    // Walking up must reach the root; a loop would leave its messages unreachable.
    const trail = new Set<string>();
    for (let cur: Message | undefined = m; cur && !rooted.has(cur.id); cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) {
      if (trail.has(cur.id)) throw new SchemaError(`${at}.messages[${i}].parentId`, 'free of cycles');
      trail.add(cur.id);
    }
    for (const t of trail) rooted.add(t);
    if (m.role === 'assistant')
      for (const [key, call] of Object.entries(m.calls))
        if (call.id !== key) throw new SchemaError(`${at}.messages[${i}].calls[${JSON.stringify(key)}].id`, `"${key}", the key it is stored under`);
  });
  for (const [parent, child] of Object.entries(conv.activeChild)) {
    const where = `${at}.activeChild[${JSON.stringify(parent)}]`;
    if (parent !== '' && !byId.has(parent)) throw new SchemaError(where, 'keyed by "" or the id of a message in the conversation');
    if (byId.get(child)?.parentId !== (parent === '' ? null : parent))
      throw new SchemaError(where, `the id of a child of ${parent === '' ? 'the root' : `"${parent}"`}`);
  }
}
