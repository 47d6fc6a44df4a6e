import type { TurnOutcome } from '../conversation/types';
import { isProtocolId, type ProtocolId } from '../protocols/protocol-id';
import { ReplayInputError } from '../protocols/replay';
import type { RecordedRun, WireExchange } from './types';
import { redactHeaders, redactValue, scrubText } from './redact';

/** The format tag of an exported raw stream; `npm run replay` recognises files by it. */
export const CAPTURE_FORMAT = 'callstream-capture';
export const CAPTURE_VERSION = 1;

/** One HTTP exchange of a capture: what was sent (secrets redacted) and the response as it arrived. */
export interface CaptureRequest {
  /** 1-based round of the turn. */
  round: number;
  /** 1-based attempt within the round (retries and the prompted fallback send again). */
  attempt: number;
  protocol: ProtocolId;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  status: number | null;
  contentType: string | null;
  /** The raw text reached the recorder's cap: the end of the response is missing. */
  truncated: boolean;
  /** The response body exactly as it arrived: SSE events separated by blank lines, or the JSON body. */
  raw: string;
}

/** The file "Export raw stream" saves: one run's wire traffic. */
export interface Capture {
  format: typeof CAPTURE_FORMAT;
  version: typeof CAPTURE_VERSION;
  exportedAt: string;
  run: { id: string; turnId: string | null; startedAt: string; outcome: TurnOutcome | null };
  requests: CaptureRequest[];
}

/**
 * The capture of one recorded run. Exchanges whose protocol is unknown (a client that reported no
 * request) are left out, since they cannot be replayed. `secrets` are scrubbed once more on the way out.
 */
export function buildCapture(run: RecordedRun, opts: { now?: number; secrets?: readonly string[] } = {}): Capture {
  const secrets = opts.secrets ?? [];
  const requests: CaptureRequest[] = [];
  for (const round of run.rounds) {
    let attempt = 0;
    for (const exchange of round.exchanges) {
      attempt++;
      if (!exchange.protocol) continue;
      requests.push({
        round: round.index + 1,
        attempt,
        protocol: exchange.protocol,
        method: exchange.method,
        url: scrubText(exchange.url, secrets),
        headers: redactHeaders(exchange.headers, secrets),
        body: redactValue(exchange.body, secrets),
        status: exchange.status ?? null,
        contentType: exchange.contentType ?? null,
        truncated: exchange.truncated,
        raw: scrubText(wireText(exchange), secrets),
      });
    }
  }
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    exportedAt: new Date(opts.now ?? Date.now()).toISOString(),
    run: { id: run.id, turnId: run.turnId, startedAt: new Date(run.startedAt).toISOString(), outcome: run.outcome ?? null },
    requests,
  };
}

/** The response text of an exchange: a JSON body as it came, SSE events with the blank line that ended each. */
export function wireText(exchange: WireExchange): string {
  if (isJsonBody(exchange)) return exchange.raw.map((l) => l.text).join('');
  return exchange.raw.map((l) => `${l.text}\n\n`).join('');
}

function isJsonBody(exchange: WireExchange): boolean {
  return (exchange.contentType ?? '').includes('json');
}

/** A file name for the capture of a run, e.g. `callstream-run-3-2025-01-31T10-22-05.json`. */
export function captureFileName(run: RecordedRun): string {
  const stamp = new Date(run.startedAt).toISOString().slice(0, 19).replace(/:/g, '-');
  return `callstream-${run.id}-${stamp}.json`;
}

/** True when the text looks like a capture file (cheap check before parsing everything). */
export function looksLikeCapture(text: string): boolean {
  return text.trimStart().startsWith('{') && text.includes(`"${CAPTURE_FORMAT}"`);
}

/** Reads a capture file, checking its tag, version and every request; throws ReplayInputError when it is not one. */
export function parseCapture(text: string): Capture {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ReplayInputError('This capture file is not valid JSON.');
  }
  const c = value as Partial<Capture> | null;
  if (!c || typeof c !== 'object' || c.format !== CAPTURE_FORMAT) throw new ReplayInputError(`This is not a ${CAPTURE_FORMAT} file.`);
  if (c.version !== CAPTURE_VERSION)
    throw new ReplayInputError(`This capture has version ${String(c.version)}; this Callstream reads version ${CAPTURE_VERSION}.`);
  if (!Array.isArray(c.requests)) throw new ReplayInputError('This capture has no "requests" list.');
  c.requests.forEach((r, i) => {
    if (!r || typeof r !== 'object') throw new ReplayInputError(`Request ${i + 1} of the capture is not an object.`);
    if (!isProtocolId(r.protocol)) throw new ReplayInputError(`Request ${i + 1} of the capture names an unknown protocol "${String(r.protocol)}".`);
    if (typeof r.raw !== 'string') throw new ReplayInputError(`Request ${i + 1} of the capture has no "raw" text.`);
  });
  return c as Capture;
}
