import { normalizePath, pathProblem, type PathUse } from './file-path';

/** One entry of a listing; `path` has no leading "/", `modified` is epoch milliseconds. */
export type FileEntry =
  | { kind: 'file'; path: string; size: number; modified: number }
  | { kind: 'folder'; path: string };

export interface FileReadResult {
  text: string;
  /** Size of the whole file in bytes, even when only part of it was read. */
  size: number;
  truncated: boolean;
}

export interface ListOptions {
  /** Every file below the folder (folders themselves are then left out), not just its own entries. */
  recursive?: boolean;
}

/**
 * A persistent tree of UTF-8 text files. Paths follow `file-path.ts` ("reports/q3.csv"; a leading
 * "/" is the root); folders exist while they hold something and are created by writing into them.
 */
export interface FileStore {
  /** Lists `folder` (the root when absent or "/"), sorted by path. Throws 'not_found' for a missing folder. */
  list(folder?: string, options?: ListOptions): Promise<FileEntry[]>;
  /** Reads at most `maxBytes` bytes (all when absent). Throws FileStoreError 'not_found'. */
  read(path: string, maxBytes?: number): Promise<FileReadResult>;
  /** Creates or replaces the file, and the folders on its way; resolves to the number of bytes written. */
  write(path: string, text: string): Promise<number>;
  /** Deletes a file, and the folders it leaves empty. Throws FileStoreError 'not_found' when there is no such file. */
  delete(path: string): Promise<void>;
}

/** `conflict`: a file stands where a folder is needed, or a folder where a file is. */
export type FileStoreErrorCode = 'invalid_name' | 'not_found' | 'conflict' | 'unavailable';

export class FileStoreError extends Error {
  readonly code: FileStoreErrorCode;
  constructor(code: FileStoreErrorCode, message: string) {
    super(message);
    this.name = 'FileStoreError';
    this.code = code;
  }
}

/** Returns the canonical path (no leading "/"), or throws FileStoreError 'invalid_name' naming the rule broken. */
export function checkPath(path: string, use: PathUse = 'existing'): string {
  const problem = typeof path === 'string' ? pathProblem(path, use) : { message: 'The path must be a string.' };
  if (problem) throw new FileStoreError('invalid_name', problem.message);
  return normalizePath(path);
}

/** The canonical folder for a listing: '' for the root. */
export function checkFolder(folder: string | undefined): string {
  if (folder === undefined || folder === '' || folder === '/') return '';
  return checkPath(folder);
}

/** Decodes at most `maxBytes` of UTF-8, dropping a character cut in half at the limit. */
export function decodeUtf8Prefix(bytes: Uint8Array, maxBytes: number): { text: string; truncated: boolean } {
  if (bytes.byteLength <= maxBytes) return { text: new TextDecoder().decode(bytes), truncated: false };
  // stream: true keeps an incomplete trailing sequence buffered; never flushing drops it.
  const text = new TextDecoder().decode(bytes.subarray(0, maxBytes), { stream: true });
  return { text, truncated: true };
}
