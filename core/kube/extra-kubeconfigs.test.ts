import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandExtraKubeconfigs } from './extra-kubeconfigs.ts';

describe('expandExtraKubeconfigs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'foresight-extra-'));
  const folder = join(dir, 'clusters');
  mkdirSync(folder);
  mkdirSync(join(folder, 'nested'));
  for (const name of ['b.yaml', 'a.yaml', '.hidden', 'c.yaml~', 'd.yaml.swp'])
    writeFileSync(join(folder, name), '');
  const single = join(dir, 'single.yaml');
  writeFileSync(single, '');

  it('expands a folder to its files in name order, skipping hidden files, backups and folders', () => {
    expect(expandExtraKubeconfigs([single, folder])).toEqual({
      files: [single, join(folder, 'a.yaml'), join(folder, 'b.yaml')],
      problems: [],
      folders: [folder],
    });
  });

  it('names a path that does not exist and keeps the others', () => {
    const result = expandExtraKubeconfigs([join(dir, 'gone'), single, single]);
    expect(result.files).toEqual([single]);
    expect(result.problems).toEqual([
      { file: join(dir, 'gone'), message: expect.stringMatching(/does not exist/) },
    ]);
  });
});
