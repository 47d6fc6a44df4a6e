import { assertFileName, decodeUtf8Prefix, FileStoreError, type FileInfo, type FileReadResult, type FileStore } from './file-store';

/**
 * Files in the Origin Private File System (navigator.storage.getDirectory()), which survive
 * reloads. The directory is looked up on first use so that creating the store never fails.
 */
export class OpfsFileStore implements FileStore {
  private root: Promise<FileSystemDirectoryHandle> | null = null;

  async list(): Promise<FileInfo[]> {
    const dir = await this.directory();
    const files: FileInfo[] = [];
    for await (const handle of dir.values()) {
      if (handle.kind !== 'file') continue;
      const file = await handle.getFile();
      files.push({ name: handle.name, size: file.size, modified: file.lastModified });
    }
    return files.sort((a, b) => a.name.localeCompare(b.name));
  }

  async read(name: string, maxBytes = Infinity): Promise<FileReadResult> {
    const file = await (await this.handle(name)).getFile();
    // Slicing first keeps a huge file from being loaded whole only to be cut.
    const end = Number.isFinite(maxBytes) ? maxBytes + 4 : file.size;
    const bytes = new Uint8Array(await file.slice(0, end).arrayBuffer());
    const { text, truncated } = decodeUtf8Prefix(bytes, maxBytes);
    return { text, truncated: truncated || file.size > bytes.byteLength, size: file.size };
  }

  async write(name: string, text: string): Promise<number> {
    assertFileName(name);
    const dir = await this.directory();
    const handle = await dir.getFileHandle(name, { create: true });
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

  async delete(name: string): Promise<void> {
    await this.handle(name);
    await (await this.directory()).removeEntry(name);
  }

  private async handle(name: string): Promise<FileSystemFileHandle> {
    assertFileName(name);
    const dir = await this.directory();
    try {
      return await dir.getFileHandle(name);
    } catch (error) {
      const kind = (error as { name?: string } | null)?.name;
      if (kind === 'NotFoundError' || kind === 'TypeMismatchError')
        throw new FileStoreError('not_found', `No file named ${name}.`);
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
