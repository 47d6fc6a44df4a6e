import type { ModelError, ModelEvent, ModelMessage, ToolSpec, WireEvent } from '../protocols/types';
import type { TurnOutcome } from '../conversation/types';
import type { TransitionLogEntry } from './run-store';

/** Where a transition happened: the turn, and for a call's transition the call. */
export interface TransitionContext {
  turnId: string | null;
  /** Set for a tool call's own lifecycle; absent for the run's phases. */
  call?: { id: string; name: string };
  /** The run's outcome when this transition ended it (back to idle). */
  outcome?: TurnOutcome;
}

/**
 * Watches runs from inside, for the inspector. Every method is optional and called synchronously
 * on the hot path (once per streamed event), so an implementation must only record, never compute.
 */
export interface RunObserver {
  /** Every transition the controller recorded, refused ones included. */
  transition?(entry: TransitionLogEntry, context: TransitionContext): void;
  /** A round is about to ask the model: the provider-neutral request. */
  roundStart?(info: { turnId: string; round: number; at: number; model: string; messages: ModelMessage[]; tools: ToolSpec[] }): void;
  /** Each HTTP exchange of the round, as the protocol client reported it (retries make several). */
  wire?(turnId: string, round: number, event: WireEvent, at: number): void;
  /** Every event the model client yielded, `raw` wire copies included. */
  modelEvent?(turnId: string, round: number, event: ModelEvent, at: number): void;
  /** The round's stream ended: normally, stopped by the user, or with the error shown to the user. */
  roundEnd?(info: { turnId: string; round: number; at: number; outcome: 'ok' | 'aborted' | 'error'; error?: Pick<ModelError, 'kind' | 'message' | 'status'> }): void;
}
