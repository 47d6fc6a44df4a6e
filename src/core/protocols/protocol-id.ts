/** The wire protocols a provider can speak. */
export type ProtocolId = 'openai-chat' | 'openai-responses' | 'anthropic-messages';

export const PROTOCOL_IDS: readonly ProtocolId[] = ['openai-chat', 'openai-responses', 'anthropic-messages'];

/** Narrows a string (a setting, a CLI flag) to a ProtocolId. */
export function isProtocolId(value: unknown): value is ProtocolId {
  return typeof value === 'string' && (PROTOCOL_IDS as readonly string[]).includes(value);
}
