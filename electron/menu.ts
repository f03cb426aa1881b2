import type { MenuItemConstructorOptions } from 'electron';

export interface MenuInput {
  /** app.isPackaged: developer entries appear only in unpackaged runs. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

/**
 * The application menu: deliberately small. Reload and DevTools exist only in development, so a
 * stray Ctrl+R cannot wipe an operator's screen in the middle of a drain. On macOS the first menu
 * is always the app menu, and copy/paste shortcuts work only when an Edit menu defines them.
 */
export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push({ label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] });
  if (mac) template.push({ role: 'editMenu' });
  if (!input.isPackaged) {
    template.push({ label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  }
  template.push({ role: 'help', submenu: [{ role: 'about' }] });
  return template;
}
