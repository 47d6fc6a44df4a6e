import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isProtocolId, PROTOCOL_IDS } from '../src/core/protocols/protocol-id';
import { replayCapture, ReplayInputError } from '../src/core/protocols/replay';
import { looksLikeCapture, parseCapture, type Capture } from '../src/core/inspector/capture';
import { replayCaptureFile } from '../src/core/inspector/capture-replay';

const USAGE = `Usage: npm run replay -- --protocol ${PROTOCOL_IDS.join('|')} FILE
       npm run replay -- [--request N] CAPTURE.json
Decodes a raw SSE capture (exactly as sent on the wire; FILE "-" reads stdin) with the app's own
decoder and prints one JSON object: text, reasoning, toolCalls, finishReason, rawFinishReason, error, warnings.
A file saved by the inspector's "Export raw stream" names its own protocol: every request in it is
decoded and printed as {run, requests: [{round, attempt, protocol, status, result}]}; --request N
prints only the N-th request's result (1-based), in the same shape as for an SSE file.`;

/**
 * Runs the replay CLI; returns the exit code (0 decoded, 1 unreadable input, 2 bad usage).
 * `cwd` resolves FILE: npm runs scripts from the package root, so the caller passes the user's directory.
 */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void, cwd = process.cwd()): number {
  let protocol: string | undefined;
  let request: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      out(USAGE);
      return 0;
    }
    if (arg === '--protocol') protocol = argv[++i];
    else if (arg.startsWith('--protocol=')) protocol = arg.slice('--protocol='.length);
    else if (arg === '--request') request = argv[++i];
    else if (arg.startsWith('--request=')) request = arg.slice('--request='.length);
    else if (arg.startsWith('--')) return usage(err, `unknown option ${arg}`);
    else files.push(arg);
  }
  if (protocol !== undefined && !isProtocolId(protocol)) return usage(err, `unknown protocol "${protocol}" (expected ${PROTOCOL_IDS.join(' or ')})`);
  if (files.length !== 1) return usage(err, files.length ? 'give exactly one FILE' : 'missing FILE');
  if (request !== undefined && !/^[1-9]\d*$/.test(request)) return usage(err, `--request wants a request number from 1 (got "${request}")`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(files[0] === '-' ? 0 : resolve(cwd, files[0]));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(`replay: cannot read ${files[0]}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
    return 1;
  }
  const text = new TextDecoder().decode(bytes);
  if (looksLikeCapture(text)) {
    try {
      return replayCaptureText(parseCapture(text), protocol, request, out, err, files[0]);
    } catch (e) {
      if (!(e instanceof ReplayInputError)) throw e;
      err(`replay: ${files[0]}: ${e.message}`);
      return 1;
    }
  }
  if (!protocol) return usage(err, 'missing --protocol (a raw SSE capture does not name its protocol)');
  if (request !== undefined) return usage(err, '--request applies to a capture exported by the inspector');
  try {
    out(JSON.stringify(replayCapture(protocol, bytes), null, 2));
    return 0;
  } catch (e) {
    if (!(e instanceof ReplayInputError)) throw e;
    err(`replay: ${files[0]}: ${e.message}`);
    return 1;
  }
}

/** A capture names its protocol per request; a --protocol that disagrees is a mistake worth stopping for. */
function replayCaptureText(capture: Capture, protocol: string | undefined, request: string | undefined, out: (s: string) => void, err: (s: string) => void, file: string): number {
  const other = protocol && capture.requests.find((r) => r.protocol !== protocol);
  if (other) return usage(err, `${file} is a capture of ${other.protocol} requests, not ${protocol}`);
  const replay = replayCaptureFile(capture);
  if (request === undefined) {
    out(JSON.stringify(replay, null, 2));
    return 0;
  }
  const entry = replay.requests[Number(request) - 1];
  if (!entry) {
    err(`replay: ${file}: there is no request ${request} (the capture has ${replay.requests.length})`);
    return 1;
  }
  if (!entry.result) {
    err(`replay: ${file}: request ${request}: ${entry.note ?? 'nothing to decode'}`);
    return 1;
  }
  out(JSON.stringify(entry.result, null, 2));
  return 0;
}

function usage(err: (s: string) => void, problem: string): number {
  err(`replay: ${problem}\n${USAGE}`);
  return 2;
}
