import type { StorageErrorKind, StorageFault } from './types';

/** A storage failure whose kind is already known (e.g. an upgrade blocked by another tab). */
export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.kind = kind;
  }
}

/** Sorts whatever IndexedDB threw into the few cases the UI explains differently. */
export function classifyStorageError(error: unknown): StorageErrorKind {
  if (error instanceof StorageError) return error.kind;
  const name = errorName(error);
  // Legacy Firefox and WebKit names and code 22 all mean "quota".
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || codeOf(error) === 22) return 'quota';
  // SecurityError: storage disabled (cookies blocked, sandboxed frame); InvalidStateError: Firefox's
  // private windows refuse writes; UnknownError: WebKit's private mode and broken profiles.
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError' || name === 'NotAllowedError') return 'unavailable';
  return 'other';
}

const MESSAGES: Record<StorageErrorKind, string> = {
  quota: "Not saving: your browser's storage is full. This conversation lives in this tab only until you free space.",
  unavailable: 'Not saving: this browser does not allow storage here (private window?). This conversation lives in this tab only.',
  blocked: 'Not saving: another Callstream tab is holding an older version of the database. Close other Callstream tabs, then retry.',
  other: 'Not saving: the browser could not store this conversation. It lives in this tab only for now.',
};

/** The banner text for a failure. */
export function faultFor(error: unknown): StorageFault {
  const kind = classifyStorageError(error);
  const detail = kind === 'other' ? messageOf(error) : '';
  return detail ? { kind, message: `${MESSAGES.other} (${detail})`, detail } : { kind, message: MESSAGES[kind] };
}

function errorName(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return undefined;
}

function codeOf(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'number') return error.code;
  return undefined;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error || (error && typeof error === 'object' && 'message' in error) ? String((error as { message: unknown }).message) : String(error ?? '');
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
