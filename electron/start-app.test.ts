import { delimiter } from 'node:path';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { EventEnvelope, ReplyEnvelope } from '../core/contract/index.ts';
import { CONTRACT_REQUEST_CHANNEL, SAVE_FILE_CHANNEL } from './channels.ts';
import {
  startElectronApp,
  type ElectronAppDeps,
  type ElectronModules,
  type HostedBackend,
} from './start-app.ts';

// main.ts would import the real module; start-app.ts takes it injected, so the mock stays empty.
vi.mock('electron', () => ({}));

type Handler = (...args: unknown[]) => unknown;

const mainDir = '/opt/foresight/dist/node';
const rendererIndexPath = join(mainDir, '..', 'renderer', 'index.html');
const appUrl = pathToFileURL(rendererIndexPath).href;
const okReply: ReplyEnvelope = { kind: 'reply', id: 1, ok: true, result: { node: 'n', points: [] } };

class Emitter {
  readonly handlers = new Map<string, Handler[]>();
  on = vi.fn((event: string, handler: Handler) => {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  });
  once = this.on;
  emit(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

function fakeElectron(options: { lock?: boolean; isPackaged?: boolean } = {}) {
  const windows: FakeWindow[] = [];

  class FakeWindow extends Emitter {
    readonly webContents = Object.assign(new Emitter(), {
      mainFrame: { url: appUrl, parent: null },
      isDestroyed: () => false,
      send: vi.fn(),
      setWindowOpenHandler: vi.fn(),
    });
    loadFile = vi.fn(async (_path: string) => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    minimized = false;
    isMinimized = () => this.minimized;
    isDestroyed = () => false;
    constructor(readonly options: unknown) {
      super();
      windows.push(this);
    }
    static getAllWindows = () => windows;
  }

  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    quit: vi.fn(),
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn((name: string) => `/home/op/.config/${name === 'userData' ? 'Foresight' : name}`),
    getVersion: vi.fn(() => '0.1.0'),
    isPackaged: options.isPackaged ?? false,
    enableSandbox: vi.fn(),
    setAboutPanelOptions: vi.fn(),
  });
  const ipcHandlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => void ipcHandlers.set(channel, handler)),
    removeHandler: vi.fn(),
  };
  const defaultSession = {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
  const Menu = {
    buildFromTemplate: vi.fn((template: unknown) => ({ template })),
    setApplicationMenu: vi.fn(),
  };
  const shell = { openExternal: vi.fn(async () => undefined) };
  const savedTo = join(mkdtempSync(join(tmpdir(), 'foresight-save-')), 'report.pdf');
  const dialog = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: savedTo })),
  };
  const modules = {
    app,
    BrowserWindow: FakeWindow,
    Menu,
    ipcMain,
    session: { defaultSession },
    shell,
    dialog,
  };
  return { modules, app, windows, ipcMain, ipcHandlers, defaultSession, Menu, shell, dialog, savedTo };
}

function fakeBackend(stop: () => Promise<void> = async () => undefined) {
  const backend: HostedBackend = {
    handle: vi.fn(async () => okReply),
    onEvent: vi.fn((_listener: (event: EventEnvelope) => void) => () => undefined),
    stop: vi.fn(stop),
  };
  return backend;
}

async function start(overrides: Partial<ElectronAppDeps> = {}, electronOptions = {}) {
  const electron = fakeElectron(electronOptions);
  const backend = fakeBackend();
  const createBackend = vi.fn(async () => backend);
  const handle = await startElectronApp({
    electron: electron.modules as unknown as ElectronModules,
    createBackend,
    mainDir,
    env: {},
    homeDir: '/home/op',
    fileExists: () => false,
    platform: 'linux',
    log: () => undefined,
    loginPath: async () => '/opt/plugins/bin',
    ...overrides,
  });
  return { ...electron, backend, createBackend, handle };
}

describe('startElectronApp', () => {
  it('puts the login shell’s PATH first before the backend starts, so exec plugins are found', async () => {
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin' };
    const { handle } = await start({ env });
    await handle?.backend;
    expect(env.PATH).toBe('/opt/plugins/bin:/usr/bin:/bin');
  });

  it('quits at once, starting nothing, when another instance holds the lock', async () => {
    const { app, handle, createBackend, windows, ipcMain } = await start({}, { lock: false });
    expect(handle).toBeNull();
    expect(app.quit).toHaveBeenCalled();
    expect(createBackend).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { app, windows } = await start();
    const window = windows[0];
    if (!window) throw new Error('no window');
    window.minimized = true;
    app.emit('second-instance', {}, ['foresight'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('sandboxes every renderer', async () => {
    const { app } = await start();
    expect(app.enableSandbox).toHaveBeenCalled();
  });

  it.each<[string, Partial<ElectronAppDeps>, string[] | undefined]>([
    ['the demo when there is no kubeconfig', {}, undefined],
    [
      '~/.kube/config when it exists',
      { fileExists: (p) => p === '/home/op/.kube/config' },
      ['/home/op/.kube/config'],
    ],
    [
      'the existing files of the KUBECONFIG list, merged like kubectl',
      {
        env: { KUBECONFIG: ['/k/a', '/k/missing', '/k/b'].join(delimiter) },
        fileExists: (p) => p !== '/k/missing',
      },
      ['/k/a', '/k/b'],
    ],
  ])('starts the backend on %s', async (_name, overrides, kubeconfigPath) => {
    const { createBackend } = await start(overrides);
    expect(createBackend).toHaveBeenCalledWith({
      host: 'electron',
      dataDir: '/home/op/.config/Foresight',
      ...(kubeconfigPath ? { kubeconfigPath } : {}),
    });
  });

  it('opens one secure, hidden window on the built renderer and shows it when ready', async () => {
    const { windows } = await start();
    expect(windows).toHaveLength(1);
    const window = windows[0];
    if (!window) throw new Error('no window');
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: join(mainDir, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      },
    });
    expect(window.loadFile).toHaveBeenCalledWith(rendererIndexPath);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('denies new windows and navigation away in every webContents', async () => {
    const { app, shell } = await start();
    const contents = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);

    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown;
    expect(openHandler({ url: 'https://kubernetes.io/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: appUrl })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://kubernetes.io/');

    const away = { url: 'file:///etc/passwd', preventDefault: vi.fn() };
    contents.emit('will-navigate', away, away.url);
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { url: appUrl, preventDefault: vi.fn() };
    contents.emit('will-navigate', home, home.url);
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('denies permission requests and checks', async () => {
    const { defaultSession } = await start();
    const request = defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as Handler;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: appUrl, isMainFrame: true });
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as Handler;
    expect(check(null, 'media', 'file://', { requestingUrl: appUrl, isMainFrame: true })).toBe(false);
  });

  it('installs the Content-Security-Policy and the menu', async () => {
    const { defaultSession, Menu } = await start();
    expect(defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('answers IPC from the app window through the backend, and refuses anything else', async () => {
    const { ipcHandlers, backend } = await start();
    const handler = ipcHandlers.get(CONTRACT_REQUEST_CHANNEL);
    if (!handler) throw new Error('no IPC handler');
    const request = { kind: 'request', id: 1, method: 'app.status', params: {} };

    await expect(
      handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, request),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'BadRequest' },
    });
    expect(backend.handle).not.toHaveBeenCalled();

    await expect(handler({ senderFrame: { url: appUrl, parent: null } }, request)).resolves.toEqual(okReply);
    expect(backend.handle).toHaveBeenCalledWith(request);
  });

  it('saves a report where the user picks, in a dialog modal to the app window', async () => {
    const { ipcHandlers, dialog, windows, savedTo } = await start();
    const save = ipcHandlers.get(SAVE_FILE_CHANNEL);
    if (!save) throw new Error('no save handler');
    const file = {
      fileName: 'r.pdf',
      mimeType: 'application/pdf',
      base64: Buffer.from('%PDF-1.7').toString('base64'),
    };
    await expect(save({ senderFrame: { url: appUrl, parent: null } }, file)).resolves.toEqual({
      saved: true,
      path: savedTo,
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      windows[0],
      expect.objectContaining({ defaultPath: '/home/op/.config/downloads/r.pdf' }),
    );
    expect(readFileSync(savedTo, 'latin1')).toBe('%PDF-1.7');
    await expect(
      save({ senderFrame: { url: 'https://evil.example/', parent: null } }, file),
    ).resolves.toMatchObject({
      saved: false,
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it('stops the backend before quitting, once', async () => {
    const { app, backend } = await start();
    const first = { preventDefault: vi.fn() };
    app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(backend.stop).toHaveBeenCalledTimes(1);

    const second = { preventDefault: vi.fn() };
    app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(backend.stop).toHaveBeenCalledTimes(1);
  });

  it('quits anyway when the backend does not stop in time', async () => {
    const hanging = fakeBackend(() => new Promise<void>(() => undefined));
    const { app } = await start({ createBackend: async () => hanging, stopTimeoutMs: 10 });
    app.emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
  });

  it.each<[NodeJS.Platform, boolean]>([
    ['linux', true],
    ['win32', true],
    ['darwin', false],
  ])('on %s, closing the last window quits: %s', async (platform, quits) => {
    const { app } = await start({ platform });
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(quits ? 1 : 0);
  });
});
