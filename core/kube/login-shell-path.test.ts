import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginShellPath, mergePath } from './login-shell-path.ts';

describe('loginShellPath', () => {
  it('reads PATH from a login shell, ignoring what the shell prints around it', async () => {
    // A stand-in "shell" that prints a banner and then runs the command with a known PATH.
    const dir = mkdtempSync(join(tmpdir(), 'foresight-shell-'));
    const shell = join(dir, 'fake-shell');
    writeFileSync(
      shell,
      `#!/bin/sh\necho "Welcome to the machine"\nPATH=/opt/plugins/bin:/usr/bin\nexport PATH\nshift\nexec /bin/sh -c "$1"\n`,
    );
    chmodSync(shell, 0o755);
    expect(await loginShellPath(shell)).toBe('/opt/plugins/bin:/usr/bin');
  });

  it('gives up quietly when there is no shell or it fails', async () => {
    expect(await loginShellPath('')).toBeUndefined();
    expect(await loginShellPath('/nonexistent/shell')).toBeUndefined();
  });
});

describe('mergePath', () => {
  it.each([
    ['/usr/bin:/bin', '/home/u/bin:/usr/bin', '/home/u/bin:/usr/bin:/bin'],
    ['/usr/bin', undefined, '/usr/bin'],
    [undefined, '/a', '/a'],
  ])('%s + %s → %s', (current, shell, want) => {
    expect(mergePath(current, shell, ':')).toBe(want);
  });
});
