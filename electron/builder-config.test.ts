import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('electron', () => ({}));

const configText = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');
const rawConfig: unknown = yaml.load(configText);

/** The part of the config this test reads; parsing it also checks the shape. */
const configSchema = z.object({
  appId: z.string(),
  productName: z.string(),
  directories: z.object({ output: z.string() }),
  extraMetadata: z.object({ main: z.string() }),
  files: z.array(z.string()),
  asarUnpack: z.array(z.string()),
  npmRebuild: z.boolean(),
  linux: z.object({ target: z.array(z.string()), category: z.string(), maintainer: z.string() }),
  mac: z.object({ target: z.array(z.string()) }),
  win: z.object({ target: z.array(z.string()) }),
});
const config = configSchema.parse(rawConfig);

// electron-builder's own matcher and schema check, from the installed electron-builder, so the
// test follows its semantics rather than a re-implementation of them.
const require = createRequire(import.meta.url);
type PathFilter = (file: string, stat: { isDirectory(): boolean }) => boolean;
const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (
    from: string,
    to: string,
    expand: (s: string) => string,
    patterns: string[],
  ) => { createFilter(): PathFilter };
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const project = '/project';
const file = { isDirectory: () => false };

/** Would electron-builder copy this project file into the app? */
function shipsAppFile(relative: string): boolean {
  const filter = new FileMatcher(project, '/out', (s) => s, config.files).createFilter();
  return filter(join(project, relative), file);
}

/** Would it copy this file of a production dependency? (Only the exclusions apply there.) */
function shipsModuleFile(relative: string): boolean {
  const exclusions = config.files.filter((pattern) => pattern.startsWith('!'));
  const filter = new FileMatcher(project, '/out', (s) => s, ['**/*', ...exclusions]).createFilter();
  return filter(join(project, relative), file);
}

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder', async () => {
    await expect(validateConfiguration(rawConfig, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('io.foresight.app');
    expect(config.productName).toBe('Foresight');
    expect(config.directories.output).toBe('release');
  });

  it.each([
    ['linux', 'AppImage'],
    ['linux', 'deb'],
    ['mac', 'dmg'],
    ['win', 'nsis'],
  ] as const)('builds %s %s', (platform, target) => {
    expect(config[platform].target).toContain(target);
  });

  it('gives the deb package a category and a maintainer', () => {
    expect(config.linux.category).toBe('System');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('starts the bundled main, which it ships', () => {
    expect(config.extraMetadata.main).toBe('dist/node/electron-main.mjs');
    expect(shipsAppFile(config.extraMetadata.main)).toBe(true);
  });

  it('keeps better-sqlite3 outside app.asar', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
  });

  it('does not rebuild native modules on this machine', () => {
    expect(config.npmRebuild).toBe(false);
    expect(configText).toMatch(/install-app-deps|@electron\/rebuild/);
  });

  it('has no inclusion pattern that reaches tests or sources', () => {
    const inclusions = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(inclusions.sort()).toEqual(['dist/node/**/*', 'dist/renderer/**/*', 'package.json']);
  });

  it.each([
    ['dist/node/electron-main.mjs', true],
    ['dist/node/preload.cjs', true],
    ['dist/node/collector-worker.mjs', true],
    ['dist/renderer/index.html', true],
    ['dist/renderer/assets/index-abc123.js', true],
    ['package.json', true],
    ['dist/node/electron-main.mjs.map', false],
    ['dist/renderer/assets/index-abc123.js.map', false],
    ['electron/main.ts', false],
    ['core/backend/backend.ts', false],
    ['electron/ipc.test.ts', false],
    ['test/unit/anything.test.ts', false],
    ['test/fixtures/kubeconfig.yaml', false],
    ['renderer/src/main.tsx', false],
    ['README.md', false],
    ['DESIGN.md', false],
    ['tsconfig.json', false],
    ['electron-builder.yml', false],
  ])('project file %s ships: %s', (path, ships) => {
    expect(shipsAppFile(path)).toBe(ships);
  });

  it.each([
    ['node_modules/better-sqlite3/lib/database.js', true],
    ['node_modules/better-sqlite3/build/Release/better_sqlite3.node', true],
    ['node_modules/better-sqlite3/package.json', true],
    ['node_modules/better-sqlite3/LICENSE', true],
    ['node_modules/bindings/bindings.js', true],
    ['node_modules/file-uri-to-path/index.js', true],
    ['node_modules/zod/index.js', true],
    ['node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', false],
    ['node_modules/better-sqlite3/src/better_sqlite3.cpp', false],
    ['node_modules/better-sqlite3/build/Release/obj.target/better_sqlite3.o', false],
    ['node_modules/better-sqlite3/build/Release/test_extension.node', false],
    ['node_modules/zod/src/v4/classic/schemas.ts', false],
    ['node_modules/zod/src/v4/classic/tests/string.test.ts', false],
    ['node_modules/file-uri-to-path/test/tests.json', false],
    ['node_modules/ws/README.md', false],
    ['node_modules/js-yaml/dist/js-yaml.mjs.map', false],
  ])('dependency file %s ships: %s', (path, ships) => {
    expect(shipsModuleFile(path)).toBe(ships);
  });
});
