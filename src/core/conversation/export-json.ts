import { readConversation } from './conversation-schema';
import type { Conversation } from './types';

export const EXPORT_FORMAT = 'callstream.conversations';
/** The export format this version writes and reads; a file with a higher one came from a newer app. */
export const EXPORT_VERSION = 1;

export interface ConversationsExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  conversations: Conversation[];
}

/**
 * One or more conversations as a versioned JSON document: every branch, call, argument, result and
 * timing. Only conversation fields are copied (see conversation-schema.ts), so nothing else an
 * object may carry at runtime — settings, an API key — can end up in the file.
 * Throws a SchemaError naming the field when a conversation is not well formed.
 */
export function exportConversationsJson(conversations: readonly Conversation[], now: Date = new Date()): string {
  const doc: ConversationsExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    conversations: conversations.map((c, i) => readConversation(c, `conversations[${i}]`)),
  };
  return JSON.stringify(doc, null, 2);
}
