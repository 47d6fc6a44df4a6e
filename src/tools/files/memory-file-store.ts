import {
  checkFolder,
  checkPath,
  decodeUtf8Prefix,
  FileStoreError,
  type FileEntry,
  type FileReadResult,
  type FileStore,
  type ListOptions,
} from './file-store';

interface Entry {
  bytes: Uint8Array;
  modified: number;
}

const byPath = (a: FileEntry, b: FileEntry) => a.path.localeCompare(b.path);

/**
 * A FileStore kept in memory (tests, and browsers without OPFS when persistence is not required).
 * Files are kept by canonical path; a folder is any proper prefix of a file's path, so folders
 * appear when written into and vanish with their last file, as the OPFS store's do.
 */
export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  async list(folder?: string, options: ListOptions = {}): Promise<FileEntry[]> {
    const base = checkFolder(folder);
    const prefix = base === '' ? '' : `${base}/`;
    if (base !== '' && !this.isFolder(base)) {
      throw new FileStoreError('not_found', this.files.has(base) ? `${base} is a file, not a folder.` : `No folder named ${base}.`);
    }
    const entries: FileEntry[] = [];
    const folders = new Set<string>();
    for (const [path, entry] of this.files) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (options.recursive || slash === -1) {
        entries.push({ kind: 'file', path, size: entry.bytes.byteLength, modified: entry.modified });
      } else {
        folders.add(prefix + rest.slice(0, slash));
      }
    }
    for (const path of folders) entries.push({ kind: 'folder', path });
    return entries.sort(byPath);
  }

  async read(path: string, maxBytes = Infinity): Promise<FileReadResult> {
    const entry = this.get(path);
    return { ...decodeUtf8Prefix(entry.bytes, maxBytes), size: entry.bytes.byteLength };
  }

  async write(path: string, text: string): Promise<number> {
    const key = checkPath(path, 'create');
    if (this.isFolder(key)) throw new FileStoreError('conflict', `${key} is a folder; a file cannot replace it.`);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (this.files.has(folder)) throw new FileStoreError('conflict', `${folder} is a file, so it cannot hold ${key}.`);
    }
    const bytes = new TextEncoder().encode(text);
    this.files.set(key, { bytes, modified: this.now() });
    return bytes.byteLength;
  }

  async delete(path: string): Promise<void> {
    this.get(path);
    this.files.delete(checkPath(path));
  }

  private isFolder(path: string): boolean {
    const prefix = `${path}/`;
    for (const key of this.files.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }

  private get(path: string): Entry {
    const key = checkPath(path);
    const entry = this.files.get(key);
    if (!entry) {
      throw new FileStoreError('not_found', this.isFolder(key) ? `${key} is a folder, not a file.` : `No file named ${key}.`);
    }
    return entry;
  }
}
