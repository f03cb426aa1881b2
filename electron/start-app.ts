import type {
  App,
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  Menu,
  Session,
  Shell,
} from 'electron';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type { BackendOptions } from '../core/backend/options.ts';
import type { ContractHandler } from '../core/contract/index.ts';
import { installContentSecurityPolicy } from './csp.ts';
import { deferredContractHandler } from './deferred-handler.ts';
import { registerContractIpc } from './ipc.ts';
import { registerSaveFileIpc } from './save-file.ts';
import { findKubeconfigs } from '../core/kube/discovery.ts';
import { loginShellPath, mergePath } from '../core/kube/login-shell-path.ts';
import { buildMenuTemplate } from './menu.ts';
import { guardWebContents } from './navigation-guard.ts';
import { appPaths } from './paths.ts';
import { installPermissionPolicy } from './permissions.ts';
import { isTrustedFrame, isTrustedSenderUrl, type FrameLike } from './trusted-sender.ts';
import { buildWindowOptions } from './window-options.ts';

/** What the Electron host needs from the backend: the contract plus a way to shut it down. */
export interface HostedBackend extends ContractHandler {
  stop(): Promise<void>;
}

export type BackendFactory = (options: BackendOptions) => Promise<HostedBackend>;

/** The Electron modules main uses, injected so tests can pass fakes (electron cannot load here). */
export interface ElectronModules {
  app: Pick<
    App,
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'on'
    | 'whenReady'
    | 'getPath'
    | 'getVersion'
    | 'isPackaged'
    | 'enableSandbox'
    | 'setAboutPanelOptions'
  >;
  BrowserWindow: {
    new (options: BrowserWindowConstructorOptions): ElectronBrowserWindow;
    getAllWindows(): ElectronBrowserWindow[];
  };
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  session: { readonly defaultSession: Session };
  shell: Pick<Shell, 'openExternal'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
}

export interface ElectronAppDeps {
  electron: ElectronModules;
  createBackend: BackendFactory;
  /** Directory of the bundled main file (dist/node/); everything else is found from it. */
  mainDir: string;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  fileExists?: (path: string) => boolean;
  platform?: NodeJS.Platform;
  /** How long quitting waits for the backend to stop before giving up on it. */
  stopTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** The login shell's PATH, so exec credential plugins are found (default: ask $SHELL). */
  loginPath?: () => Promise<string | undefined>;
}

export interface ElectronAppHandle {
  backend: Promise<HostedBackend>;
  mainWindow(): ElectronBrowserWindow | null;
}

/**
 * Starts the Electron host: single-instance lock, hardening of every webContents and of the
 * session, the backend, IPC, the menu and the main window. Resolves to null when another instance
 * already runs (that one is focused and this one quits).
 */
export async function startElectronApp(deps: ElectronAppDeps): Promise<ElectronAppHandle | null> {
  const { app, BrowserWindow, Menu, ipcMain, session, shell } = deps.electron;
  const platform = deps.platform ?? process.platform;
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Before 'ready', as Electron requires: every renderer is sandboxed, whatever its options say.
  app.enableSandbox();

  const paths = appPaths(deps.mainDir);
  const isAppUrl = (url: string): boolean => isTrustedSenderUrl(url, paths.rendererIndexUrl);
  const isTrustedSender = (frame: FrameLike | null): boolean => isTrustedFrame(frame, paths.rendererIndexUrl);
  let mainWindow: ElectronBrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { isAppUrl, openExternal: (url) => shell.openExternal(url) });
  });

  const backend = startBackend(deps);
  backend.catch((error: unknown) => log('Foresight: the backend did not start.', error));

  registerContractIpc({
    ipcMain,
    handler: deferredContractHandler(backend),
    isTrustedSender,
    eventTargets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });

  registerSaveFileIpc({
    ipcMain,
    isTrustedSender,
    defaultDirectory: () => app.getPath('downloads'),
    // Modal to the app window when there is one, so the dialog cannot get lost behind it.
    showSaveDialog: (options) =>
      mainWindow && !mainWindow.isDestroyed()
        ? deps.electron.dialog.showSaveDialog(mainWindow, options)
        : deps.electron.dialog.showSaveDialog(options),
  });

  stopBackendOnQuit(app, backend, deps.stopTimeoutMs ?? 5000, log);

  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows until Cmd+Q; elsewhere closing the window quits.
    if (platform !== 'darwin') app.quit();
  });

  await app.whenReady();

  installContentSecurityPolicy(session.defaultSession);
  installPermissionPolicy(session.defaultSession, isAppUrl);
  app.setAboutPanelOptions({ applicationName: 'Foresight', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform })),
  );

  const createMainWindow = (): ElectronBrowserWindow => {
    const window = new BrowserWindow(buildWindowOptions({ preloadPath: paths.preloadPath }));
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.loadFile(paths.rendererIndexPath).catch((error: unknown) => {
      log(`Foresight: could not load ${paths.rendererIndexPath}. Was the renderer built?`, error);
    });
    mainWindow = window;
    return window;
  };

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  createMainWindow();

  return { backend, mainWindow: () => mainWindow };
}

async function startBackend(deps: ElectronAppDeps): Promise<HostedBackend> {
  const env = deps.env ?? process.env;
  // Before the backend starts: its worker threads copy this environment when they are created.
  env.PATH = mergePath(env.PATH, await (deps.loginPath ?? loginShellPath)());
  const kubeconfigPath = findKubeconfigs(env, deps.homeDir ?? homedir(), deps.fileExists ?? existsSync);
  const options: BackendOptions = {
    host: 'electron',
    dataDir: deps.electron.app.getPath('userData'),
    ...(kubeconfigPath ? { kubeconfigPath } : {}),
  };
  return deps.createBackend(options);
}

/**
 * Holds the first quit until the backend has stopped (its worker flushes the history database),
 * then quits for real. A backend that hangs gets stopTimeoutMs, then the app quits anyway.
 */
function stopBackendOnQuit(
  app: ElectronModules['app'],
  backend: Promise<HostedBackend>,
  stopTimeoutMs: number,
  log: (message: string, error?: unknown) => void,
): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    const stop = backend.then(
      (ready) => ready.stop(),
      () => undefined, // never started: nothing to stop
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log(`Foresight: the backend did not stop within ${stopTimeoutMs} ms; quitting anyway.`);
        resolve();
      }, stopTimeoutMs);
    });
    Promise.race([stop, timeout])
      .catch((error: unknown) => log('Foresight: the backend failed while stopping.', error))
      .finally(() => {
        clearTimeout(timer);
        state = 'stopped';
        app.quit();
      });
  });
}
