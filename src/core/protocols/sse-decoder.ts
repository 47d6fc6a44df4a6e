/** One server-sent event as decoded from the wire. */
export interface SseEvent {
  event?: string;
  data: string;
  /** Dispatched at end of stream without its blank line: possibly cut off mid-line. */
  unterminated?: true;
  /**
   * The event's lines as they arrived (comments and `event:` lines included, line ends as "\n"),
   * for the inspector; decoding this text again gives the same event.
   */
  raw?: string;
}

/**
 * Incremental SSE decoder (WHATWG event-stream rules): bytes may be split anywhere,
 * including inside a multi-byte character or a `data:` line; CRLF, CR and LF all end lines;
 * comment lines (":") are skipped; multi-line data is joined with "\n". With `keepRaw` every event
 * also carries its lines as they arrived (`raw`), for the inspector.
 */
export function createSseDecoder(opts: { keepRaw?: boolean } = {}) {
  const keepRaw = opts.keepRaw ?? false;
  const utf8 = new TextDecoder('utf-8');
  let pending: string[] = [];
  let pendingCR = false;
  let data: string[] = [];
  let eventName: string | undefined;
  // Lines since the last dispatched event; a blank line that dispatched nothing is kept as "" so the
  // text still separates what the decoder separated (an `event:` line must not reach later data).
  let rawLines: string[] = [];

  function dispatch(out: SseEvent[], unterminated = false) {
    if (data.length > 0) {
      const event: SseEvent = { event: eventName, data: data.join('\n'), ...(unterminated ? { unterminated: true as const } : {}) };
      if (keepRaw) event.raw = rawLines.join('\n');
      out.push(event);
      rawLines = [];
    } else if (keepRaw && !unterminated && rawLines.length > 0 && rawLines[rawLines.length - 1] !== '') rawLines.push('');
    data = [];
    eventName = undefined;
  }

  function line(text: string, out: SseEvent[]) {
    if (text === '') return dispatch(out);
    if (keepRaw) rawLines.push(text);
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') eventName = value;
  }

  // Scans only the new text; an unfinished line is kept as pieces and joined once it ends, so a
  // single huge line (megabytes without a newline) costs linear time, not a rescan per chunk.
  function feed(text: string, out: SseEvent[]) {
    let from = pendingCR && text.startsWith('\n') ? 1 : 0;
    pendingCR = false;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      pending.push(text.slice(from, i));
      line(pending.join(''), out);
      pending = [];
      if (c === 13) {
        if (i + 1 === text.length) pendingCR = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      from = i + 1;
    }
    if (from < text.length) pending.push(text.slice(from));
  }

  return {
    /** Feeds raw bytes (or already-decoded text); returns the events completed by them. */
    push(chunk: Uint8Array | string): SseEvent[] {
      const out: SseEvent[] = [];
      feed(typeof chunk === 'string' ? chunk : utf8.decode(chunk, { stream: true }), out);
      return out;
    },
    /** Ends the stream: a final event without its blank line still counts, marked `unterminated`. */
    end(): SseEvent[] {
      const out: SseEvent[] = [];
      feed(utf8.decode(), out);
      if (pending.length) line(pending.join(''), out);
      pending = [];
      dispatch(out, true);
      return out;
    },
  };
}
