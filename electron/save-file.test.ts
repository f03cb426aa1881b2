import { describe, expect, it, vi } from 'vitest';
import { SAVE_FILE_CHANNEL } from './channels.ts';
import type { InvokeEventLike, IpcMainLike } from './ipc.ts';
import { registerSaveFileIpc, safeFileName, type SaveDialogOptionsLike } from './save-file.ts';
import { isTrustedFrame, type FrameLike } from './trusted-sender.ts';

vi.mock('electron', () => ({}));

const appUrl = 'file:///app/dist/renderer/index.html';
const appFrame: FrameLike = { url: appUrl, parent: null };
const file = {
  fileName: 'foresight-report-prod-20250314-1200.pdf',
  mimeType: 'application/pdf',
  base64: 'JVBERi0xLjc=',
};

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function setup(
  choice: { canceled: boolean; filePath?: string } = { canceled: false, filePath: '/home/op/r.pdf' },
) {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: vi.fn((channel: string, listener: Listener) => void handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const showSaveDialog = vi.fn(async (_options: SaveDialogOptionsLike) => choice);
  const write = vi.fn(async (_path: string, _bytes: Buffer) => undefined);
  const dispose = registerSaveFileIpc({
    ipcMain,
    isTrustedSender: (frame) => isTrustedFrame(frame, appUrl),
    showSaveDialog,
    defaultDirectory: () => '/home/op/Downloads',
    write,
  });
  const invoke = (frame: FrameLike | null, raw: unknown) => {
    const listener = handlers.get(SAVE_FILE_CHANNEL);
    if (!listener) throw new Error('no save handler');
    return listener({ senderFrame: frame }, raw);
  };
  return { invoke, showSaveDialog, write, dispose, handlers };
}

describe('registerSaveFileIpc', () => {
  it('asks where, in the Downloads folder, then writes exactly the bytes given', async () => {
    const { invoke, showSaveDialog, write } = setup();
    await expect(invoke(appFrame, file)).resolves.toEqual({ saved: true, path: '/home/op/r.pdf' });
    expect(showSaveDialog).toHaveBeenCalledWith({
      title: 'Save report',
      defaultPath: '/home/op/Downloads/foresight-report-prod-20250314-1200.pdf',
      filters: [
        { name: 'PDF document', extensions: ['pdf'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    expect(write).toHaveBeenCalledWith('/home/op/r.pdf', Buffer.from('%PDF-1.7'));
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { invoke, write } = setup({ canceled: true });
    await expect(invoke(appFrame, file)).resolves.toEqual({ saved: false });
    expect(write).not.toHaveBeenCalled();
  });

  it.each<[string, FrameLike | null]>([
    ['a web page', { url: 'https://evil.example/', parent: null }],
    ['an iframe inside the app', { url: appUrl, parent: appFrame }],
    ['a destroyed frame', null],
  ])('refuses %s without showing a dialog', async (_name, frame) => {
    const { invoke, showSaveDialog, write } = setup();
    await expect(invoke(frame, file)).resolves.toMatchObject({ saved: false, error: expect.any(String) });
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });

  it.each([
    ['not an object', 'report.pdf'],
    ['no bytes', { fileName: 'r.pdf', mimeType: 'application/pdf' }],
    ['an extra field', { ...file, path: '/etc/cron.d/x' }],
    ['an empty name', { ...file, fileName: '' }],
  ])('refuses a malformed request: %s', async (_name, raw) => {
    const { invoke, showSaveDialog } = setup();
    await expect(invoke(appFrame, raw)).resolves.toEqual({
      saved: false,
      error: 'The file to save is malformed.',
    });
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('undoes the wiring when disposed', () => {
    const { dispose, handlers } = setup();
    dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('safeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../.bashrc', '.bashrc'],
    ['/etc/passwd', 'passwd'],
    ['C:\\Windows\\evil.dll', 'evil.dll'],
    ['a<b>:c?.html', 'a-b--c-.html'],
    ['..', 'foresight-report'],
  ])('%s → %s', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});
