import { stat } from 'node:fs/promises';
import type { CommandOutput } from './output.ts';

/** Whether `--input` names a file; if not, says so the way every command does. */
export async function checkInputFile(path: string, out: CommandOutput): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return true;
  out.error(`foresight: --input ${path} is not a readable file.`);
  return false;
}
