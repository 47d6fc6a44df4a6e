/** One file as listed by a FileStore; `modified` is epoch milliseconds. */
export interface FileInfo {
  name: string;
  size: number;
  modified: number;
}

export interface FileReadResult {
  text: string;
  /** Size of the whole file in bytes, even when only part of it was read. */
  size: number;
  truncated: boolean;
}

/** A flat, persistent namespace of UTF-8 text files. */
export interface FileStore {
  list(): Promise<FileInfo[]>;
  /** Reads at most `maxBytes` bytes (all when absent). Throws FileStoreError 'not_found'. */
  read(name: string, maxBytes?: number): Promise<FileReadResult>;
  /** Creates or replaces the file; resolves to the number of bytes written. */
  write(name: string, text: string): Promise<number>;
  /** Throws FileStoreError 'not_found' when there is no such file. */
  delete(name: string): Promise<void>;
}

export type FileStoreErrorCode = 'invalid_name' | 'not_found' | 'unavailable';

export class FileStoreError extends Error {
  readonly code: FileStoreErrorCode;
  constructor(code: FileStoreErrorCode, message: string) {
    super(message);
    this.name = 'FileStoreError';
    this.code = code;
  }
}

export const MAX_FILE_NAME_LENGTH = 255;

/** Returns why `name` is not a valid file name, or null when it is. */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0) return 'File name must not be empty.';
  if (name.length > MAX_FILE_NAME_LENGTH)
    return `File name is ${name.length} characters long; the limit is ${MAX_FILE_NAME_LENGTH}.`;
  if (name.includes('/') || name.includes('\\'))
    return `File name "${name}" must not contain "/" or "\\": there are no folders, only a flat list of files.`;
  if (name.includes('..') || name === '.') return `File name "${name}" must not be "." or contain "..".`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'File name must not contain control characters.';
  if (name.trim() !== name) return `File name "${name}" must not start or end with spaces.`;
  return null;
}

/** Throws FileStoreError 'invalid_name' unless `name` is a valid file name. */
export function assertFileName(name: string): void {
  const problem = fileNameProblem(name);
  if (problem) throw new FileStoreError('invalid_name', problem);
}

/** Decodes at most `maxBytes` of UTF-8, dropping a character cut in half at the limit. */
export function decodeUtf8Prefix(bytes: Uint8Array, maxBytes: number): { text: string; truncated: boolean } {
  if (bytes.byteLength <= maxBytes) return { text: new TextDecoder().decode(bytes), truncated: false };
  // stream: true keeps an incomplete trailing sequence buffered; never flushing drops it.
  const text = new TextDecoder().decode(bytes.subarray(0, maxBytes), { stream: true });
  return { text, truncated: true };
}
