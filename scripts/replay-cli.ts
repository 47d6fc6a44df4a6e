import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isProtocolId, PROTOCOL_IDS } from '../src/core/protocols/protocol-id';
import { replayCapture, ReplayInputError } from '../src/core/protocols/replay';

const USAGE = `Usage: npm run replay -- --protocol ${PROTOCOL_IDS.join('|')} FILE
Decodes a raw SSE capture (exactly as sent on the wire; FILE "-" reads stdin) with the app's own
decoder and prints one JSON object: text, reasoning, toolCalls, finishReason, rawFinishReason, error, warnings.`;

/**
 * Runs the replay CLI; returns the exit code (0 decoded, 1 unreadable input, 2 bad usage).
 * `cwd` resolves FILE: npm runs scripts from the package root, so the caller passes the user's directory.
 */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void, cwd = process.cwd()): number {
  let protocol: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      out(USAGE);
      return 0;
    }
    if (arg === '--protocol') protocol = argv[++i];
    else if (arg.startsWith('--protocol=')) protocol = arg.slice('--protocol='.length);
    else if (arg.startsWith('--')) return usage(err, `unknown option ${arg}`);
    else files.push(arg);
  }
  if (!protocol) return usage(err, 'missing --protocol');
  if (!isProtocolId(protocol)) return usage(err, `unknown protocol "${protocol}" (expected ${PROTOCOL_IDS.join(' or ')})`);
  if (files.length !== 1) return usage(err, files.length ? 'give exactly one FILE' : 'missing FILE');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(files[0] === '-' ? 0 : resolve(cwd, files[0]));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(`replay: cannot read ${files[0]}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
    return 1;
  }
  try {
    out(JSON.stringify(replayCapture(protocol, bytes), null, 2));
    return 0;
  } catch (e) {
    if (!(e instanceof ReplayInputError)) throw e;
    err(`replay: ${files[0]}: ${e.message}`);
    return 1;
  }
}

function usage(err: (s: string) => void, problem: string): number {
  err(`replay: ${problem}\n${USAGE}`);
  return 2;
}
