import { describe, expect, it, vi } from 'vitest';
import { buildWindowOptions } from './window-options.ts';

// Importing electron in plain Node tries to download its binary; nothing here needs it.
vi.mock('electron', () => ({}));

describe('buildWindowOptions', () => {
  it('locks the renderer down', () => {
    const options = buildWindowOptions({ preloadPath: '/app/dist/node/preload.cjs' });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/node/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
  });

  it('starts hidden, with a background colour and a usable size', () => {
    const options = buildWindowOptions({ preloadPath: '/p.cjs' });
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0);
    expect(options.minHeight).toBeLessThanOrEqual(options.height ?? 0);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options).not.toHaveProperty('icon');
  });

  it('sets the icon only when given', () => {
    expect(buildWindowOptions({ preloadPath: '/p.cjs', iconPath: '/icon.png' }).icon).toBe('/icon.png');
  });
});
