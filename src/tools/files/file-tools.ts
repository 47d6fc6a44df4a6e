import type { ToolDefinition } from '../../core/tools/types';
import { FileStoreError, MAX_FILE_NAME_LENGTH, type FileStore } from './file-store';

/** read_file returns at most this many bytes of a file. */
export const READ_LIMIT_BYTES = 200 * 1024;
/** write_file accepts content up to this many characters. */
export const WRITE_LIMIT_CHARS = 1_000_000;
const NAMES_IN_ERROR = 50;

const nameProperty = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_FILE_NAME_LENGTH,
  description: 'File name such as "notes.md". There are no folders: the name must not contain "/" or "..".',
};

/** list_files, read_file, write_file and delete_file over one FileStore. */
export function createFileTools(store: FileStore): ToolDefinition[] {
  // A missing file is the model's most likely mistake; naming the files lets it correct itself.
  async function notFound(name: string): Promise<Error> {
    const names = (await store.list()).map((file) => file.name);
    if (names.length === 0) return new Error(`No file named ${name}. There are no files yet.`);
    const shown = names.slice(0, NAMES_IN_ERROR).join(', ');
    const more = names.length > NAMES_IN_ERROR ? ` and ${names.length - NAMES_IN_ERROR} more` : '';
    return new Error(`No file named ${name}. Files: ${shown}${more}`);
  }

  async function withNotFound<T>(name: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof FileStoreError && error.code === 'not_found') throw await notFound(name);
      throw error;
    }
  }

  const listFiles: ToolDefinition = {
    name: 'list_files',
    description:
      "Lists the files in the user's browser file storage (a flat list, no folders; files persist across page reloads). " +
      'Returns each file with its size in bytes and last-modified time.',
    parameters: { type: 'object', properties: {}, additionalProperties: false },
    policy: 'auto',
    async run() {
      const files = await store.list();
      return {
        count: files.length,
        files: files.map((file) => ({ name: file.name, size: file.size, modified: new Date(file.modified).toISOString() })),
      };
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
      const { text, size, truncated } = await withNotFound(args.name, () => store.read(args.name, READ_LIMIT_BYTES));
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
        name: nameProperty,
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
      await withNotFound(args.name, () => store.delete(args.name));
      return { name: args.name, deleted: true };
    },
  };

  return [listFiles, readFile, writeFile, deleteFile];
}
