import { describe, expect, it, vi } from 'vitest';
import { installPermissionPolicy, isPermissionGranted } from './permissions.ts';

vi.mock('electron', () => ({}));

const appUrl = 'file:///app/dist/renderer/index.html';
const isAppUrl = (url: string): boolean => url === appUrl;

describe('isPermissionGranted', () => {
  it.each<[string, string | undefined, boolean]>([
    ['clipboard-sanitized-write', appUrl, true],
    ['clipboard-sanitized-write', 'https://example.com/', false],
    ['clipboard-sanitized-write', undefined, false],
    ['clipboard-read', appUrl, false],
    ['media', appUrl, false],
    ['notifications', appUrl, false],
    ['geolocation', appUrl, false],
    ['openExternal', appUrl, false],
    ['fileSystem', appUrl, false],
    ['usb', appUrl, false],
    ['unknown', appUrl, false],
  ])('%s from %s → %s', (permission, url, granted) => {
    expect(isPermissionGranted(permission, url, isAppUrl)).toBe(granted);
  });
});

describe('installPermissionPolicy', () => {
  it('answers requests and checks with the policy', () => {
    const setPermissionRequestHandler = vi.fn();
    const setPermissionCheckHandler = vi.fn();
    installPermissionPolicy({ setPermissionRequestHandler, setPermissionCheckHandler } as never, isAppUrl);

    const request = setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void;
    const callback = vi.fn();
    request({}, 'media', callback, { requestingUrl: appUrl, isMainFrame: true });
    expect(callback).toHaveBeenLastCalledWith(false);
    request({}, 'clipboard-sanitized-write', callback, { requestingUrl: appUrl, isMainFrame: true });
    expect(callback).toHaveBeenLastCalledWith(true);

    const check = setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check(null, 'geolocation', 'file://', { requestingUrl: appUrl, isMainFrame: true })).toBe(false);
    expect(
      check(null, 'clipboard-sanitized-write', 'https://x', {
        requestingUrl: 'https://x/',
        isMainFrame: true,
      }),
    ).toBe(false);
  });
});
