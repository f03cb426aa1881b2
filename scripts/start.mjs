// `npm start`: launch the Electron app; where Electron's binary is missing and cannot be
// downloaded (no network), say so in one line and serve the UI to a browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const forceWeb = process.env.FORESIGHT_HOST === 'web' || process.argv.includes('--web');

/** The Electron binary, if installed; reading path.txt does not trigger a download (importing electron would). */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** Electron 45 downloads its binary on first use; try once, briefly. */
function tryDownloadElectron() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return false;
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: 60_000,
  });
  return result.status === 0 && electronBinary() !== undefined;
}

function startWebHost(reason) {
  if (reason) console.log(`${reason}; starting the browser host instead.`);
  const args = [
    join(root, 'bin', 'foresight.mjs'),
    'web',
    ...process.argv.slice(2).filter((a) => a !== '--web'),
  ];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (forceWeb) {
  startWebHost();
} else {
  const binary = electronBinary() ?? (tryDownloadElectron() ? electronBinary() : undefined);
  if (!binary) {
    startWebHost('Electron is not installed and its binary could not be downloaded (no network?)');
  } else {
    // Electron reads package.json's "main" (dist/node/electron-main.mjs) from the app folder.
    const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
