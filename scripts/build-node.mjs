// Bundles the Node side (CLI, worker threads, Electron main and preload) into dist/node/.
// npm packages stay external: they are installed next to the app and loaded at run time.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = new URL('../dist/node/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};

await build({
  ...common,
  format: 'esm',
  outdir,
  outExtension: { '.js': '.mjs' },
  entryPoints: {
    cli: 'core/cli/main.ts',
    'collector-worker': 'core/worker/entry.ts',
    'demo-worker': 'core/demo/thread.ts',
    'electron-main': 'electron/main.ts',
  },
});

// A sandboxed preload cannot be an ES module.
await build({
  ...common,
  format: 'cjs',
  outfile: `${outdir}preload.cjs`,
  entryPoints: ['electron/preload.ts'],
  external: ['electron'],
});
