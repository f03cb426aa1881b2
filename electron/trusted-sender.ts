/**
 * Whether a URL is the app's own renderer page: the file:// URL of dist/renderer/index.html.
 *
 * Used for IPC senders, navigation and permissions alike. Query and fragment are ignored (the
 * renderer may route with them); everything else must match exactly. Paths are compared after
 * percent-decoding because Chromium and Node's pathToFileURL escape different character sets
 * (a space, a quote) for the same file; a URL that cannot be decoded is refused.
 */
export function isTrustedSenderUrl(url: string, rendererIndexUrl: string): boolean {
  const candidate = parseFileUrl(url);
  const expected = parseFileUrl(rendererIndexUrl);
  if (candidate === null || expected === null) return false;
  return candidate.host === expected.host && candidate.path === expected.path;
}

function parseFileUrl(url: string): { host: string; path: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:') return null;
  try {
    return { host: parsed.host.toLowerCase(), path: decodeURIComponent(parsed.pathname) };
  } catch {
    return null;
  }
}

/** The part of Electron's WebFrameMain that the trust check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/**
 * A frame is trusted when it is a top-level frame showing the app's renderer page. Sub-frames
 * are refused even on the app URL: the app never embeds itself, so one would be a sign of
 * injected content. Electron throws when a disposed frame is read, which also means "no".
 */
export function isTrustedFrame(frame: FrameLike | null | undefined, rendererIndexUrl: string): boolean {
  if (!frame) return false;
  try {
    return frame.parent === null && isTrustedSenderUrl(frame.url, rendererIndexUrl);
  } catch {
    return false;
  }
}
