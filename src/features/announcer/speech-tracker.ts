import type { AssistantMessage, ToolCallStatus } from '../../core/conversation/types';
import type { ChatSnapshot } from '../../core/run/chat-controller';
import { speakable } from './speakable';

// Framework-free on purpose: the throttling and diffing are the parts worth unit-testing, and they
// must stay cheap (called once per animation frame while tokens stream).

/** Tool statuses worth saying out loud; queued / running are already in the composer's status line. */
export const ANNOUNCED_STATUSES = ['pending_approval', 'succeeded', 'failed', 'rejected', 'cancelled', 'invalid'] as const;
export type AnnouncedStatus = (typeof ANNOUNCED_STATUSES)[number];

export type Announcement =
  | { kind: 'text'; text: string }
  | { kind: 'tool'; name: string; status: AnnouncedStatus }
  | { kind: 'end'; outcome: 'completed' | 'stopped' };

export interface SpeechUpdate {
  say: Announcement[];
  /** When complete sentences are held back by the throttle: the time to call update again. */
  wakeAt?: number;
}

export interface SpeechTrackerOptions {
  /** At most one text announcement per this many ms (default 1500). */
  intervalMs?: number;
  /** Text without a sentence end is still spoken once this long (default 300 characters). */
  maxChunk?: number;
  /**
   * The most said at once (default 600 characters). A fast model writes far quicker than anyone
   * listens: what piled up beyond this is left to read on the page, not queued in the reader.
   */
  maxSpoken?: number;
}

const ANNOUNCED = new Set<ToolCallStatus>(ANNOUNCED_STATUSES);
// A sentence ends at . ! ? … followed by white space, at CJK full stops, or at a line break.
const LATIN_END = /[.!?…:;]/;
const CJK_END = /[。！？；]/;

/** The index just past the last complete sentence in `text`, or 0 when there is none. */
export function lastSentenceEnd(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || CJK_END.test(c)) return i + 1;
    if (/\s/.test(c) && i > 0 && LATIN_END.test(text[i - 1])) return i + 1;
  }
  return 0;
}

/**
 * Follows the live turn of a chat and decides what a screen reader should hear: new complete
 * sentences at most once per interval (never per token, never twice), tool status changes, and
 * how the run ended. Work per update is proportional to the text that arrived since the last one.
 */
export class SpeechTracker {
  private readonly intervalMs: number;
  private readonly maxChunk: number;
  private readonly maxSpoken: number;
  private busy = false;
  private turnId: string | null = null;
  // Where the unread text starts: round, part within the round, character within the part.
  private round = 0;
  private part = 0;
  private offset = 0;
  private buffer = '';
  private lastTextAt = Number.NEGATIVE_INFINITY;
  private statuses = new Map<string, ToolCallStatus>();
  private previous: ChatSnapshot | null = null;
  // A slash command's run is the user's own tool call: its status says it all, there is no answer.
  private direct = false;

  constructor(opts: SpeechTrackerOptions = {}) {
    this.intervalMs = opts.intervalMs ?? 1500;
    this.maxChunk = opts.maxChunk ?? 300;
    this.maxSpoken = opts.maxSpoken ?? 600;
  }

  /** Marks everything in this snapshot as already heard: a page load or a reopened conversation is not news. */
  baseline(snap: ChatSnapshot) {
    this.busy = snap.run.phase !== 'idle';
    this.follow(snap, liveTurn(snap), false);
    this.previous = snap;
  }

  /** Reads a new snapshot at time `now` (ms) and returns what to announce. */
  update(snap: ChatSnapshot, now: number): SpeechUpdate {
    const busy = snap.run.phase !== 'idle';
    const turn = liveTurn(snap);
    const prev = this.previous;
    this.previous = snap;
    const started = busy && (!this.busy || snap.turnId !== this.turnId);
    // A whole run can begin and end between two frames; an opened conversation is not such a run.
    const maybeFlash = !busy && !this.busy && turn !== undefined && snap.turnId !== this.turnId && prev?.conversation.id === snap.conversation.id;
    let flash = false;
    if (started || maybeFlash) {
      // A turn this run created is read from its first word; an existing one (retry, resume after
      // approval) only from what it says from now on. Checked once per run, not per frame.
      const fresh = turn !== undefined && !prev?.conversation.messages.some((m) => m.id === turn.id);
      flash = maybeFlash && fresh;
      this.follow(snap, turn, fresh);
    }
    const active = busy || this.busy || flash;
    this.busy = busy;
    if (busy) this.direct = snap.run.direct === true;
    if (!active) return { say: [] };

    const say: Announcement[] = [];
    const outcome = busy ? undefined : turn?.outcome;
    // A stopped or failed run's unfinished sentence is not said; the alert or "Stopped" is.
    const cut = outcome === 'stopped' || outcome === 'failed';
    if (turn && turn.id === this.turnId) {
      // In the order it happened: the round being read, then the status changes of its calls
      // (they settle before the next round starts), then what the next rounds said.
      this.read(turn, this.round);
      const tools = this.toolChanges(turn);
      if (tools.length > 0) {
        if (!cut) this.sayText(say, this.buffer, now);
        this.buffer = '';
        say.push(...tools);
      }
      this.read(turn);
    }
    if (!busy) {
      // The run ended: finish the sentence in progress unless the user stopped it.
      if (!cut) this.sayText(say, this.buffer, now);
      if (outcome === 'stopped') say.push({ kind: 'end', outcome: 'stopped' });
      else if ((outcome === 'completed' || outcome === 'max_rounds') && !this.direct) say.push({ kind: 'end', outcome: 'completed' });
      this.buffer = '';
      return { say };
    }
    const end = this.completeEnd();
    if (end === 0) return { say };
    if (now - this.lastTextAt < this.intervalMs) return { say, wakeAt: this.lastTextAt + this.intervalMs };
    this.sayText(say, this.buffer.slice(0, end), now);
    this.buffer = this.buffer.slice(end);
    return { say };
  }

  private follow(snap: ChatSnapshot, turn: AssistantMessage | undefined, fromStart: boolean) {
    this.turnId = snap.turnId;
    this.buffer = '';
    this.statuses = new Map();
    this.round = 0;
    this.part = 0;
    this.offset = 0;
    if (!turn) return;
    if (!fromStart) {
      // Skip to the end without keeping the text: it was on screen before this run.
      this.read(turn);
      this.buffer = '';
    }
    for (const call of Object.values(turn.calls)) this.statuses.set(call.id, call.status);
  }

  /** Appends the text that arrived since the last read, up to `lastRound`; parts before the cursor never change. */
  private read(turn: AssistantMessage, lastRound = Infinity) {
    const end = Math.min(turn.rounds.length, lastRound + 1);
    for (; this.round < end; this.round++, this.part = 0) {
      const parts = turn.rounds[this.round].parts;
      for (; this.part < parts.length; this.part++, this.offset = 0) {
        const p = parts[this.part];
        if (p.type !== 'text') continue;
        if (p.text.length > this.offset) {
          // A new text part (after a tool call or in the next round) starts a new sentence.
          if (this.offset === 0 && this.buffer !== '') this.buffer += '\n';
          this.buffer += p.text.slice(this.offset);
          this.offset = p.text.length;
        }
        // The last part may still grow: stay on it.
        if (this.part === parts.length - 1 && this.round === turn.rounds.length - 1) return;
      }
    }
    // Stopped at a round boundary: the cursor waits at the start of the next round.
    if (end < turn.rounds.length) return;
    // Past the end: point at the last round so a new part in it is found next time.
    this.round = Math.max(0, turn.rounds.length - 1);
    this.part = turn.rounds[this.round]?.parts.length ?? 0;
  }

  private toolChanges(turn: AssistantMessage): Announcement[] {
    const out: Announcement[] = [];
    for (const call of Object.values(turn.calls)) {
      if (this.statuses.get(call.id) === call.status) continue;
      this.statuses.set(call.id, call.status);
      if (ANNOUNCED.has(call.status)) out.push({ kind: 'tool', name: call.name, status: call.status as AnnouncedStatus });
    }
    return out;
  }

  /** The end of the sentences ready to be said; a long run-on stretch is cut at a space. */
  private completeEnd(): number {
    const end = lastSentenceEnd(this.buffer);
    if (end > 0 || this.buffer.length < this.maxChunk) return end;
    const space = this.buffer.lastIndexOf(' ', this.maxChunk);
    return space > 0 ? space + 1 : this.maxChunk;
  }

  private sayText(say: Announcement[], raw: string, now: number) {
    const text = speakable(raw.length > this.maxSpoken ? cutAt(raw, this.maxSpoken) : raw);
    if (text === '') return;
    say.push({ kind: 'text', text });
    this.lastTextAt = now;
  }
}

/** The first whole sentences of `text` within `max` characters (or up to a space, or just `max`). */
function cutAt(text: string, max: number): string {
  const head = text.slice(0, max);
  const end = lastSentenceEnd(head);
  if (end > 0) return head.slice(0, end);
  const space = head.lastIndexOf(' ');
  return space > 0 ? head.slice(0, space) : head;
}

/** The turn the run writes to; usually the last message, so the common case costs nothing. */
function liveTurn(snap: ChatSnapshot): AssistantMessage | undefined {
  const { messages } = snap.conversation;
  const last = messages[messages.length - 1];
  const turn = last?.id === snap.turnId ? last : snap.turnId ? messages.find((m) => m.id === snap.turnId) : undefined;
  return turn?.role === 'assistant' ? turn : undefined;
}
