import type { ToolDefinition } from '../core/tools/types';
import { createCalculateTool } from './calculate/calculate-tool';
import { createFetchUrlTool } from './fetch-url';
import type { FileStore } from './files/file-store';
import { createFileTools } from './files/file-tools';
import { OpfsFileStore } from './files/opfs-file-store';
import { createProcessItemsTool } from './process-items';
import { createRunJavaScriptTool } from './run-javascript';
import type { SandboxRunner } from './sandbox';

export interface BuiltinToolDeps {
  /** Where the file tools keep files; the browser's private file system (OPFS) by default. */
  fileStore?: FileStore;
  /** fetch for fetch_url; the global fetch, looked up on each call, by default. */
  fetch?: typeof fetch;
  /** Runs run_javascript's code; the sandboxed iframe + worker by default. */
  runJavaScript?: SandboxRunner;
}

/** All built-in browser tools, in the order they are offered to the model. */
export function createBuiltinTools(deps: BuiltinToolDeps = {}): ToolDefinition[] {
  return [
    ...createFileTools(deps.fileStore ?? new OpfsFileStore()),
    createCalculateTool(),
    createFetchUrlTool({ fetch: deps.fetch }),
    createProcessItemsTool(),
    createRunJavaScriptTool(deps.runJavaScript),
  ];
}

export type { FileEntry, FileReadResult, FileStore } from './files/file-store';
export { FileStoreError } from './files/file-store';
export { pathProblem, pathPattern, PATH_RULE } from './files/file-path';
export { MemoryFileStore } from './files/memory-file-store';
export { OpfsFileStore } from './files/opfs-file-store';
export { evaluateExpression, ExpressionError } from './calculate/evaluate-expression';
export { runInSandbox, SANDBOX_PAGE, type SandboxRunner, type SandboxRunOptions, type SandboxRunResult } from './sandbox';
