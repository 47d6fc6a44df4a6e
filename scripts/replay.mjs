// `npm run replay -- --protocol openai-chat|anthropic-messages FILE` (or an inspector capture, which
// names its protocol): decodes it with the app's own TypeScript decoder. Node 20 cannot run .ts, so
// the CLI is bundled once with Vite (already a dev dependency) into node_modules/.cache and rebuilt
// only when a source file changes.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scripts', 'replay-cli.ts');
const outDir = join(root, 'node_modules', '.cache', 'callstream-replay');
const bundle = join(outDir, 'replay-cli.mjs');

function newestSource() {
  // The CLI bundles the protocol decoders, and the inspector's capture format and its replay.
  const files = ['protocols', 'inspector']
    .flatMap((dir) => readdirSync(join(root, 'src', 'core', dir), { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.test.ts'))
    .map((d) => join(d.parentPath ?? d.path, d.name));
  return Math.max(...[entry, fileURLToPath(import.meta.url), ...files].map((f) => statSync(f).mtimeMs));
}

function builtAt() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtAt() < newestSource()) {
  // Build beside the cache and rename into place, so two replays started together never see half a file.
  const tmp = join(outDir, `build-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const { build } = await import('vite');
  try {
    await build({
      configFile: false,
      root,
      publicDir: false,
      logLevel: 'error',
      build: {
        ssr: entry,
        outDir: tmp,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'replay-cli.mjs' } },
      },
    });
    renameSync(join(tmp, 'replay-cli.mjs'), bundle);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const { main } = await import(pathToFileURL(bundle).href);
// INIT_CWD is where the user typed `npm run replay`; npm itself runs us from the package root.
const cwd = process.env.INIT_CWD ?? process.cwd();
process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`), cwd);
