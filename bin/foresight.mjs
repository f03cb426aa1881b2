#!/usr/bin/env node
// The `foresight` command. Runs the bundled CLI (dist/node/cli.mjs, made by `npm run build`);
// from a source checkout without a build it runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/node/cli.mjs', import.meta.url);
if (existsSync(bundled)) {
  const { run } = await import(bundled.href);
  await run();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { run } = await import(new URL('../core/cli/main.ts', import.meta.url).href);
  await run();
}
