import type { ToolDefinition } from '../../core/tools/types';
import { pathSchema } from './file-path';
import { FileStoreError, type FileStore } from './file-store';

/** read_file returns at most this many bytes of a file. */
export const READ_LIMIT_BYTES = 200 * 1024;
/** write_file accepts content up to this many characters. */
export const WRITE_LIMIT_CHARS = 1_000_000;
const NAMES_IN_ERROR = 50;

// The argument stays `name` (saved conversations and scripts use it); it holds a path. Reading
// and deleting accept any path that may exist, writing refuses reserved names too.
const nameProperty = pathSchema('existing', 'The file\'s path.');
const newNameProperty = pathSchema('create', 'The file\'s path; missing folders are created.');
const folderProperty = pathSchema('existing', 'The folder to list (the top of the storage when left out).');

/** list_files, read_file, write_file and delete_file over one FileStore. */
export function createFileTools(store: FileStore): ToolDefinition[] {
  // A missing file is the model's most likely mistake; naming the files lets it correct itself.
  async function notFound(error: FileStoreError): Promise<Error> {
    const names = (await store.list(undefined, { recursive: true })).map((file) => file.path);
    if (names.length === 0) return new Error(`${error.message} There are no files yet.`);
    const shown = names.slice(0, NAMES_IN_ERROR).join(', ');
    const more = names.length > NAMES_IN_ERROR ? ` and ${names.length - NAMES_IN_ERROR} more` : '';
    return new Error(`${error.message} Files: ${shown}${more}`);
  }

  async function withNotFound<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof FileStoreError && error.code === 'not_found') throw await notFound(error);
      throw error;
    }
  }

  const listFiles: ToolDefinition = {
    name: 'list_files',
    description:
      "Lists a folder of the user's browser file storage (files persist across page reloads): its files, each with its " +
      'path, size in bytes and last-modified time, and its sub-folders. With recursive: true, every file below the folder.',
    parameters: {
      type: 'object',
      properties: {
        folder: folderProperty,
        recursive: { type: 'boolean', description: 'List every file in the folder and all its sub-folders. Default false.' },
      },
      additionalProperties: false,
    },
    policy: 'auto',
    async run(args: { folder?: string; recursive?: boolean }) {
      const entries = await store.list(args.folder, { recursive: args.recursive === true });
      const files = entries.flatMap((entry) =>
        entry.kind === 'file' ? [{ name: entry.path, size: entry.size, modified: new Date(entry.modified).toISOString() }] : [],
      );
      const folders = entries.flatMap((entry) => (entry.kind === 'folder' ? [entry.path] : []));
      // The root listing keeps the shape older transcripts show; a folder or recursive listing says which.
      const where = args.folder === undefined ? {} : { folder: args.folder };
      return { ...where, ...(args.recursive ? { recursive: true } : {}), count: files.length, files, ...(folders.length > 0 ? { folders } : {}) };
    },
  };

  const readFile: ToolDefinition = {
    name: 'read_file',
    description:
      "Reads a text file from the user's browser file storage. Files larger than 200 KB are cut off; " +
      'the result then has truncated: true. Call list_files first if you do not know the exact name.',
    parameters: {
      type: 'object',
      properties: { name: nameProperty },
      required: ['name'],
      additionalProperties: false,
    },
    policy: 'auto',
    async run(args: { name: string }) {
      const { text, size, truncated } = await withNotFound(() => store.read(args.name, READ_LIMIT_BYTES));
      if (!truncated) return { name: args.name, size, text, truncated };
      return {
        name: args.name,
        size,
        text,
        truncated,
        note: `The file has ${size} bytes; only the first ${READ_LIMIT_BYTES} bytes are shown.`,
      };
    },
  };

  const writeFile: ToolDefinition = {
    name: 'write_file',
    description:
      "Creates a text file in the user's browser file storage, or replaces the whole content of an existing one. " +
      'The user is asked to approve each write. Returns the name and the number of bytes written.',
    parameters: {
      type: 'object',
      properties: {
        name: newNameProperty,
        content: {
          type: 'string',
          maxLength: WRITE_LIMIT_CHARS,
          description: 'The complete new content of the file (UTF-8 text). Existing content is replaced, not appended to.',
        },
      },
      required: ['name', 'content'],
      additionalProperties: false,
    },
    policy: 'ask',
    async run(args: { name: string; content: string }) {
      const bytes = await store.write(args.name, args.content);
      return { name: args.name, bytes };
    },
  };

  const deleteFile: ToolDefinition = {
    name: 'delete_file',
    description: "Deletes a file from the user's browser file storage. The user is asked to approve it. This cannot be undone.",
    parameters: {
      type: 'object',
      properties: { name: nameProperty },
      required: ['name'],
      additionalProperties: false,
    },
    policy: 'ask',
    async run(args: { name: string }) {
      await withNotFound(() => store.delete(args.name));
      return { name: args.name, deleted: true };
    },
  };

  return [listFiles, readFile, writeFile, deleteFile];
}
