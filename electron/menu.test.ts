import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu.ts';

vi.mock('electron', () => ({}));

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it.each<[NodeJS.Platform, boolean, string[]]>([
    ['linux', true, ['quit', 'help', 'about']],
    ['linux', false, ['quit', 'reload', 'toggleDevTools', 'help', 'about']],
    ['win32', true, ['quit', 'help', 'about']],
    ['darwin', true, ['appMenu', 'close', 'editMenu', 'help', 'about']],
    ['darwin', false, ['appMenu', 'close', 'editMenu', 'reload', 'toggleDevTools', 'help', 'about']],
  ])('%s, packaged %s: %j', (platform, isPackaged, expected) => {
    expect(roles(buildMenuTemplate({ platform, isPackaged }))).toEqual(expected);
  });

  it('labels the top-level menus File, View and Help', () => {
    const labels = buildMenuTemplate({ platform: 'linux', isPackaged: false }).map(
      (item) => item.label ?? item.role,
    );
    expect(labels).toEqual(['File', 'View', 'help']);
  });
});
