import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, isExternalWebUrl, type GuardedWebContents } from './navigation-guard.ts';
import { isTrustedSenderUrl } from './trusted-sender.ts';

vi.mock('electron', () => ({}));

const appUrl = 'file:///app/dist/renderer/index.html';

function guarded() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    }),
    on: vi.fn((event: string, handler: (...args: unknown[]) => void) => {
      handlers.set(event, handler);
      return contents;
    }),
  };
  const openExternal = vi.fn(async (_url: string) => undefined);
  guardWebContents(contents as unknown as GuardedWebContents, {
    isAppUrl: (url) => isTrustedSenderUrl(url, appUrl),
    openExternal,
  });
  const navigationEvent = (url: string) => ({ url, preventDefault: vi.fn() });
  return {
    openExternal,
    windowOpen: (url: string) => openHandler?.({ url }),
    navigate: (url: string) => {
      const event = navigationEvent(url);
      handlers.get('will-navigate')?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    },
    navigateFrame: (url: string) => {
      const event = navigationEvent(url);
      handlers.get('will-frame-navigate')?.(event);
      return event.preventDefault.mock.calls.length > 0;
    },
    attachWebview: () => {
      const event = { preventDefault: vi.fn() };
      handlers.get('will-attach-webview')?.(event);
      return event.preventDefault.mock.calls.length > 0;
    },
  };
}

describe('isExternalWebUrl', () => {
  it.each([
    ['https://kubernetes.io/docs/', true],
    ['http://example.com/', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://share/x', false],
    ['not a url', false],
  ])('%s → %s', (url, external) => {
    expect(isExternalWebUrl(url)).toBe(external);
  });
});

describe('guardWebContents', () => {
  it.each([
    ['https://kubernetes.io/docs/', true],
    ['file:///etc/passwd', false],
    [appUrl, false],
    ['javascript:alert(1)', false],
  ])('denies window.open(%s); opens it in the browser: %s', (url, opened) => {
    const g = guarded();
    expect(g.windowOpen(url)).toEqual({ action: 'deny' });
    expect(g.openExternal).toHaveBeenCalledTimes(opened ? 1 : 0);
  });

  it.each([
    [appUrl, false, false],
    [`${appUrl}#/nodes`, false, false],
    ['https://example.com/', true, true],
    ['file:///tmp/evil.html', true, false],
    ['data:text/html,hi', true, false],
  ])('navigation to %s: blocked %s, opened externally %s', (url, blocked, opened) => {
    const g = guarded();
    expect(g.navigate(url)).toBe(blocked);
    expect(g.openExternal).toHaveBeenCalledTimes(opened ? 1 : 0);
  });

  it('blocks sub-frame navigation away from the app without opening anything', () => {
    const g = guarded();
    expect(g.navigateFrame('https://example.com/')).toBe(true);
    expect(g.navigateFrame(appUrl)).toBe(false);
    expect(g.openExternal).not.toHaveBeenCalled();
  });

  it('refuses <webview>', () => {
    expect(guarded().attachWebview()).toBe(true);
  });
});
