import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';
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
    expect(inclusions.sort()).toEqual([
      'dist/node/**/*',
      'dist/renderer/**/*',
      'models/pretrained/**/*',
      'package.json',
    ]);
  });

  it.each([
    ['dist/node/electron-main.mjs', true],
    ['dist/node/preload.cjs', true],
    ['dist/node/collector-worker.mjs', true],
    ['dist/node/demo-worker.mjs', true],
    ['dist/node/cli.mjs', true],
    ['models/pretrained/node-risk/model.json', true],
    ['models/pretrained/node-risk/weights.bin', true],
    ['models/train.ts', false],
    ['models/pretrained/README.md', false],
    ['core/reports/pdf.ts', false],
    ['core/reports/report-data.schema.json', false],
    ['renderer/src/sections/ReportsSection.tsx', false],
    ['test/e2e/reports.spec.ts', false],
    ['bin/foresight.mjs', false],
    ['scripts/build-node.mjs', false],
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
    ['node_modules/pdfkit/js/pdfkit.js', true],
    ['node_modules/pdfkit/js/data/Helvetica.afm', true],
    ['node_modules/pdfkit/js/data/Helvetica-Bold.afm', true],
    ['node_modules/pdfkit/js/pdfkit.standalone.js', false],
    ['node_modules/pdfkit/js/pdfkit.es.js', false],
    ['node_modules/pdfkit/js/pdfkit.js.map', false],
    ['node_modules/fontkit/dist/main.cjs', true],
    ['node_modules/fontkit/dist/module.mjs', true],
    ['node_modules/fontkit/dist/browser.cjs', false],
    ['node_modules/fontkit/src/index.js', false],
    ['node_modules/fflate/lib/node.cjs', true],
  ])('dependency file %s ships: %s', (path, ships) => {
    expect(shipsModuleFile(path)).toBe(ships);
  });
});

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** How Node resolves `name` for `import` and for `require`, from the project (the bundles' view). */
function entryFiles(name: string): string[] {
  const esm = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `console.log(import.meta.resolve(${JSON.stringify(name)}))`],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const files = [createRequire(join(root, 'package.json')).resolve(name)];
  if (esm.status === 0) files.push(fileURLToPath(esm.stdout.trim()));
  return files.map((file) => relative(root, file));
}

/** Is this file kept out of app.asar (so native code can load and plain fs can read it)? */
const unpacked = (file: string) =>
  config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true }));

describe('what the app loads at run time is packaged', () => {
  it.each(Object.keys(pkg.dependencies))('the entry points of %s, for import and require', (name) => {
    for (const file of entryFiles(name)) expect(shipsModuleFile(file), file).toBe(true);
  });

  it('the modules pdfkit requires, as Node resolves them from pdfkit', () => {
    const fromPdfkit = createRequire(join(root, 'node_modules/pdfkit/js/pdfkit.js'));
    const source = readFileSync(join(root, 'node_modules/pdfkit/js/pdfkit.js'), 'utf8');
    const required = [...source.matchAll(/require\('([^'./][^']*)'\)/g)].map((m) => m[1] as string);
    const packages = required.filter((name) => !['events', 'fs', 'stream', 'zlib'].includes(name));
    expect(packages).toEqual(expect.arrayContaining(['fontkit', 'linebreak', 'png-js']));
    for (const name of packages) {
      const file = relative(root, fromPdfkit.resolve(name));
      expect(shipsModuleFile(file), file).toBe(true);
    }
  });

  it('every font metrics file pdfkit reads at run time: shipped, and outside app.asar', () => {
    const source = readFileSync(join(root, 'node_modules/pdfkit/js/pdfkit.js'), 'utf8');
    const afm = [...new Set([...source.matchAll(/\/data\/([\w-]+\.afm)/g)].map((m) => m[1] as string))];
    expect(afm).toEqual(expect.arrayContaining(['Helvetica.afm', 'Helvetica-Bold.afm']));
    for (const name of afm) {
      const file = `node_modules/pdfkit/js/data/${name}`;
      expect(existsSync(join(root, file)), file).toBe(true);
      expect(shipsModuleFile(file), file).toBe(true);
      expect(unpacked(file), file).toBe(true);
    }
  });

  it('better-sqlite3’s native addon: shipped, and outside app.asar', () => {
    const file = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(shipsModuleFile(file)).toBe(true);
    expect(unpacked(file)).toBe(true);
    expect(unpacked('node_modules/zod/index.js')).toBe(false);
  });
});
