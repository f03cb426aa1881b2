import { describe, expect, it, vi } from 'vitest';
import { isTrustedFrame, isTrustedSenderUrl, type FrameLike } from './trusted-sender.ts';

vi.mock('electron', () => ({}));

const app = 'file:///opt/Foresight/resources/app.asar/dist/renderer/index.html';

describe('isTrustedSenderUrl', () => {
  it.each([
    ['the app page', app, true],
    ['the app page with a hash route', `${app}#/nodes/node-1`, true],
    ['the app page with a query', `${app}?tab=risk`, true],
    ['the app page, escaped differently', app.replace('index', '%69ndex'), true],
    ['another file in the renderer folder', app.replace('index.html', 'other.html'), false],
    ['a file elsewhere', 'file:///etc/passwd', false],
    ['a path that climbs back out and in', 'file:///tmp/../opt/Foresight/evil/../../x/index.html', false],
    ['a prefix of the app path', 'file:///opt/Foresight/resources/app.asar/dist/renderer/', false],
    [
      'a file URL with a host',
      'file://attacker/opt/Foresight/resources/app.asar/dist/renderer/index.html',
      false,
    ],
    ['http', 'http://127.0.0.1:5173/index.html', false],
    ['https', 'https://example.com/', false],
    ['devtools', 'devtools://devtools/bundled/devtools_app.html', false],
    ['about:blank', 'about:blank', false],
    ['data:', 'data:text/html,<script>alert(1)</script>', false],
    ['javascript:', 'javascript:alert(1)', false],
    ['empty', '', false],
    ['not a URL', 'index.html', false],
    ['a malformed escape', 'file:///opt/Foresight/%E0%A4%A/index.html', false],
  ])('%s → %s', (_name, url, trusted) => {
    expect(isTrustedSenderUrl(url, app)).toBe(trusted);
  });

  it('matches paths with spaces however they are escaped', () => {
    const expected = 'file:///Users/op/My%20Apps/Foresight/dist/renderer/index.html';
    expect(isTrustedSenderUrl('file:///Users/op/My Apps/Foresight/dist/renderer/index.html', expected)).toBe(
      true,
    );
  });

  it('refuses everything when the expected URL is not a file URL', () => {
    expect(isTrustedSenderUrl('http://x/', 'http://x/')).toBe(false);
  });
});

describe('isTrustedFrame', () => {
  const top: FrameLike = { url: app, parent: null };
  const disposed = {
    get url(): string {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    },
    parent: null,
  };

  // Frames are built lazily: vitest formats row values into test names, and reading the
  // disposed frame's url throws, as Electron does.
  it.each<[string, () => FrameLike | null | undefined, boolean]>([
    ['the app top frame', () => top, true],
    ['a sub-frame showing the app page', () => ({ url: app, parent: top }), false],
    ['a top frame elsewhere', () => ({ url: 'https://example.com/', parent: null }), false],
    ['no frame (navigated away or destroyed)', () => null, false],
    ['undefined', () => undefined, false],
    ['a disposed frame', () => disposed, false],
  ])('%s', (_name, frame, trusted) => {
    expect(isTrustedFrame(frame(), app)).toBe(trusted);
  });
});
