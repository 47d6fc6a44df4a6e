/**
 * Why the controller refused what the user asked of a call. Codes, not sentences: the interface
 * words them in the reader's language (`features/chat/refusal-text.ts`); `refusalMessage` gives the
 * English for logs and tests.
 */
export type CallRefusal =
  /** Approve: the call is not (or no longer) waiting for approval. */
  | { code: 'not_waiting' }
  /** Re-run: the call is not part of the latest answer. */
  | { code: 'not_in_latest' }
  /** Re-run: a call of an earlier round, or while the model is still answering. */
  | { code: 'after_round' }
  /** The tool is gone for now (its MCP server disconnected); the call keeps waiting. */
  | { code: 'unavailable' }
  /** The user's permissions set this tool to Never. */
  | { code: 'denied' }
  /** The arguments do not fit the tool's schema; `message` is the validator's (English) text. */
  | { code: 'invalid'; message: string }
  /** The finished run could not be picked up again for the re-run. */
  | { code: 'not_resumed' };

/** The English wording of a refusal, for logs, exports and tests. */
export function refusalMessage(refusal: CallRefusal): string {
  switch (refusal.code) {
    case 'not_waiting':
      return 'This call is not waiting for approval.';
    case 'not_in_latest':
      return 'This call is not part of the latest answer.';
    case 'after_round':
      return 'This call can be re-run once the current round ends.';
    case 'unavailable':
      return 'This tool is not available right now; if it comes from an MCP server, check in Settings that the server is connected.';
    case 'denied':
      return 'This tool is set to Never in your tool permissions.';
    case 'invalid':
      return refusal.message;
    case 'not_resumed':
      return 'The run could not be resumed.';
  }
}
