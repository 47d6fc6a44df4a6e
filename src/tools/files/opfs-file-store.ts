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

const byPath = (a: FileEntry, b: FileEntry) => a.path.localeCompare(b.path);

function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

/**
 * Files in the Origin Private File System (navigator.storage.getDirectory()), which survive
 * reloads. Folders of a path are OPFS directories; files written before folders existed sit in
 * the root and keep their names. The root is looked up on first use so creating the store never fails.
 */
export class OpfsFileStore implements FileStore {
  private root: Promise<FileSystemDirectoryHandle> | null = null;

  async list(folder?: string, options: ListOptions = {}): Promise<FileEntry[]> {
    const base = checkFolder(folder);
    const dir = base === '' ? await this.directory() : await this.folder(base.split('/'), false, base).catch((error: unknown) => {
      if (error instanceof FileStoreError && error.code === 'not_found') throw new FileStoreError('not_found', `No folder named ${base}.`);
      throw error;
    });
    const entries: FileEntry[] = [];
    const walk = async (handle: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const child of handle.values()) {
        const path = prefix + child.name;
        if (child.kind === 'file') {
          const file = await child.getFile();
          entries.push({ kind: 'file', path, size: file.size, modified: file.lastModified });
        } else if (options.recursive) {
          await walk(child, `${path}/`);
        } else {
          entries.push({ kind: 'folder', path });
        }
      }
    };
    await walk(dir, base === '' ? '' : `${base}/`);
    return entries.sort(byPath);
  }

  async read(path: string, maxBytes = Infinity): Promise<FileReadResult> {
    const file = await (await this.file(checkPath(path))).handle.getFile();
    // Slicing first keeps a huge file from being loaded whole only to be cut.
    const end = Number.isFinite(maxBytes) ? maxBytes + 4 : file.size;
    const bytes = new Uint8Array(await file.slice(0, end).arrayBuffer());
    const { text, truncated } = decodeUtf8Prefix(bytes, maxBytes);
    return { text, truncated: truncated || file.size > bytes.byteLength, size: file.size };
  }

  async write(path: string, text: string): Promise<number> {
    const key = checkPath(path, 'create');
    const parts = key.split('/');
    const name = parts.pop() as string;
    const dir = await this.folder(parts, true, key);
    let handle: FileSystemFileHandle;
    try {
      handle = await dir.getFileHandle(name, { create: true });
    } catch (error) {
      if (errorName(error) === 'TypeMismatchError') throw new FileStoreError('conflict', `${key} is a folder; a file cannot replace it.`);
      throw error;
    }
    if (typeof handle.createWritable !== 'function')
      throw new FileStoreError('unavailable', 'This browser cannot write files in its private file system.');
    const bytes = new TextEncoder().encode(text);
    const writable = await handle.createWritable();
    try {
      await writable.write(bytes);
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
    return bytes.byteLength;
  }

  async delete(path: string): Promise<void> {
    const key = checkPath(path);
    const { parents, name } = await this.file(key);
    await parents[parents.length - 1].removeEntry(name);
    // Folders exist while they hold something (as in the memory store): prune the ones left empty.
    const parts = key.split('/');
    for (let i = parents.length - 1; i > 0; i--) {
      const empty = (await parents[i].values().next()).done === true;
      if (!empty) break;
      await parents[i - 1].removeEntry(parts[i - 1]).catch(() => undefined);
    }
  }

  /** The file at `key` and every directory from the root down to it. */
  private async file(key: string): Promise<{ handle: FileSystemFileHandle; parents: FileSystemDirectoryHandle[]; name: string }> {
    const parts = key.split('/');
    const name = parts.pop() as string;
    const parents = [await this.directory()];
    for (const part of parts) parents.push(await this.child(parents[parents.length - 1], part, false, key));
    try {
      return { handle: await parents[parents.length - 1].getFileHandle(name), parents, name };
    } catch (error) {
      const kind = errorName(error);
      if (kind === 'TypeMismatchError') throw new FileStoreError('not_found', `${key} is a folder, not a file.`);
      if (kind === 'NotFoundError') throw new FileStoreError('not_found', `No file named ${key}.`);
      throw error;
    }
  }

  private async folder(parts: string[], create: boolean, key: string): Promise<FileSystemDirectoryHandle> {
    let dir = await this.directory();
    for (const part of parts) dir = await this.child(dir, part, create, key);
    return dir;
  }

  private async child(dir: FileSystemDirectoryHandle, part: string, create: boolean, key: string): Promise<FileSystemDirectoryHandle> {
    try {
      return await dir.getDirectoryHandle(part, { create });
    } catch (error) {
      const kind = errorName(error);
      if (kind === 'TypeMismatchError') {
        throw create
          ? new FileStoreError('conflict', `${part} is a file, so it cannot hold ${key}.`)
          : new FileStoreError('not_found', `No file named ${key} (${part} is a file, not a folder).`);
      }
      if (kind === 'NotFoundError') throw new FileStoreError('not_found', `No file named ${key}.`);
      throw error;
    }
  }

  private directory(): Promise<FileSystemDirectoryHandle> {
    if (!this.root) {
      const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
      if (!storage || typeof storage.getDirectory !== 'function')
        return Promise.reject(
          new FileStoreError('unavailable', 'This browser has no private file system (OPFS), so files cannot be stored.'),
        );
      this.root = storage.getDirectory().catch((error: unknown) => {
        this.root = null;
        throw new FileStoreError(
          'unavailable',
          `The browser refused access to its private file system: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
    return this.root;
  }
}
