import { createSseDecoder } from '../protocols/sse-decoder';
import { replayCapture, ReplayInputError, type ReplayResult } from '../protocols/replay';
import { bodyEventsFor, streamDecoderFor } from '../protocols/decoders';
import type { ModelEvent } from '../protocols/types';
import type { Capture, CaptureRequest } from './capture';
import type { ProtocolId } from '../protocols/protocol-id';

/** One request of a capture, decoded: what `npm run replay` prints for it. */
export interface CaptureReplayEntry {
  round: number;
  attempt: number;
  protocol: ProtocolId;
  status: number | null;
  /** null when the request got no body to decode (an HTTP error, a refused connection). */
  result: ReplayResult | null;
  note?: string;
}

export interface CaptureReplay {
  run: Capture['run'];
  requests: CaptureReplayEntry[];
}

/** Decodes every request of a capture with the app's own decoders (the replay tool's output for a capture). */
export function replayCaptureFile(capture: Capture): CaptureReplay {
  return { run: capture.run, requests: capture.requests.map(replayRequest) };
}

function replayRequest(request: CaptureRequest): CaptureReplayEntry {
  const head = { round: request.round, attempt: request.attempt, protocol: request.protocol, status: request.status };
  if (!request.raw.trim()) {
    const why = request.status !== null ? `HTTP ${request.status}` : 'no response';
    return { ...head, result: null, note: `No response body was recorded (${why}).` };
  }
  try {
    const result = replayCapture(request.protocol, request.raw);
    if (request.truncated) result.warnings.push('The capture was cut at the inspector\'s size limit: the end of the response is missing.');
    return { ...head, result };
  } catch (e) {
    if (!(e instanceof ReplayInputError)) throw e;
    return { ...head, result: null, note: e.message };
  }
}

/**
 * The normalized events (raw copies left out) the app decodes from one captured response, through
 * the same SSE decoder and protocol decoder the clients use. Throws what the decoder throws.
 */
export function decodeCaptureRequest(request: Pick<CaptureRequest, 'protocol' | 'raw' | 'contentType'>): ModelEvent[] {
  if ((request.contentType ?? '').includes('json')) return visible(bodyEventsFor(request.protocol, JSON.parse(request.raw)));
  const sse = createSseDecoder();
  const decoder = streamDecoderFor(request.protocol);
  const out: ModelEvent[] = [];
  for (const event of [...sse.push(request.raw), ...sse.end()]) {
    out.push(...decoder.push(event));
    if (decoder.done) break;
  }
  out.push(...decoder.end());
  return visible(out);
}

function visible(events: ModelEvent[]): ModelEvent[] {
  return events.filter((e) => e.type !== 'raw');
}
