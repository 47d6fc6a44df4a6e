import { assertFileName, decodeUtf8Prefix, FileStoreError, type FileInfo, type FileReadResult, type FileStore } from './file-store';

interface Entry {
  bytes: Uint8Array;
  modified: number;
}

/** A FileStore kept in memory (tests, and browsers without OPFS when persistence is not required). */
export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  async list(): Promise<FileInfo[]> {
    return [...this.files]
      .map(([name, entry]) => ({ name, size: entry.bytes.byteLength, modified: entry.modified }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async read(name: string, maxBytes = Infinity): Promise<FileReadResult> {
    const entry = this.get(name);
    return { ...decodeUtf8Prefix(entry.bytes, maxBytes), size: entry.bytes.byteLength };
  }

  async write(name: string, text: string): Promise<number> {
    assertFileName(name);
    const bytes = new TextEncoder().encode(text);
    this.files.set(name, { bytes, modified: this.now() });
    return bytes.byteLength;
  }

  async delete(name: string): Promise<void> {
    this.get(name);
    this.files.delete(name);
  }

  private get(name: string): Entry {
    assertFileName(name);
    const entry = this.files.get(name);
    if (!entry) throw new FileStoreError('not_found', `No file named ${name}.`);
    return entry;
  }
}
