import { writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { SAVE_FILE_CHANNEL } from './channels.ts';
import type { InvokeEventLike, IpcMainLike } from './ipc.ts';
import type { FrameLike } from './trusted-sender.ts';

/** What the page may hand over: a suggested name, a type and the bytes. Nothing says where. */
export const saveFileRequestSchema = z
  .object({
    fileName: z.string().min(1).max(255),
    mimeType: z.string().max(100),
    // A report of a large cluster is a few MB; 200 MB of base64 is far beyond any.
    base64: z.string().max(200 * 1024 * 1024),
  })
  .strict();
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export type SaveFileResult = { saved: true; path: string } | { saved: false; error?: string };

export interface SaveDialogOptionsLike {
  title: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface SaveFileIpcOptions {
  ipcMain: IpcMainLike;
  isTrustedSender: (frame: FrameLike | null) => boolean;
  /** Electron's dialog.showSaveDialog, bound to the app window. */
  showSaveDialog: (options: SaveDialogOptionsLike) => Promise<{ canceled: boolean; filePath?: string }>;
  /** Where the dialog opens: the user's Downloads folder. */
  defaultDirectory: () => string;
  write?: (path: string, bytes: Buffer) => Promise<void>;
}

/** The suggested name without any folder part, so the page cannot steer where the dialog opens. */
export function safeFileName(name: string): string {
  const base = [...basename(name.replace(/\\/g, '/'))]
    .map((char) => (char < ' ' || '<>:"|?*'.includes(char) ? '-' : char))
    .join('');
  return base && base !== '.' && base !== '..' ? base : 'foresight-report';
}

const kinds: Record<string, string> = {
  '.pdf': 'PDF document',
  '.html': 'HTML page',
  '.zip': 'Zip archive',
  '.csv': 'CSV table',
  '.json': 'JSON document',
};

/**
 * Saving a file the page made, outside the contract (the backend has no business with where the
 * user keeps files): the main process shows its own save dialog and writes only where the user
 * chose. Requests from anything but the app's own window are refused unread, like contract
 * requests. Returns a function that undoes the wiring.
 */
export function registerSaveFileIpc(options: SaveFileIpcOptions): () => void {
  const write = options.write ?? ((path: string, bytes: Buffer) => writeFile(path, bytes));
  options.ipcMain.handle(
    SAVE_FILE_CHANNEL,
    async (event: InvokeEventLike, raw: unknown): Promise<SaveFileResult> => {
      if (!options.isTrustedSender(event.senderFrame)) {
        return { saved: false, error: 'Files are saved only for the Foresight window.' };
      }
      const request = saveFileRequestSchema.safeParse(raw);
      if (!request.success) return { saved: false, error: 'The file to save is malformed.' };
      const fileName = safeFileName(request.data.fileName);
      const extension = extname(fileName).toLowerCase();
      const choice = await options.showSaveDialog({
        title: 'Save report',
        defaultPath: join(options.defaultDirectory(), fileName),
        filters: [
          ...(kinds[extension] ? [{ name: kinds[extension], extensions: [extension.slice(1)] }] : []),
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      try {
        await write(choice.filePath, Buffer.from(request.data.base64, 'base64'));
        return { saved: true, path: choice.filePath };
      } catch (error) {
        return { saved: false, error: `Could not write ${choice.filePath}: ${(error as Error).message}` };
      }
    },
  );
  return () => options.ipcMain.removeHandler(SAVE_FILE_CHANNEL);
}
