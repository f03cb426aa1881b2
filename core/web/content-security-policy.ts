/**
 * The one Content-Security-Policy of every host: the Electron window (header and meta tag),
 * the browser host (header) and renderer/index.html (meta tag, checked against this by a test).
 * Everything comes from the app's own files: no inline or remote scripts, no inline styles
 * (React sets `style` props through CSSOM, which CSP allows), no plugins, no <base>, no form
 * posts, no framing. connect-src 'self' covers the browser host's same-origin WebSocket.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * The same policy for a `<meta http-equiv>` tag: browsers ignore frame-ancestors there (and
 * warn), so it is left out; the hosts send it as a header.
 */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(
  (directive) => !directive.startsWith('frame-ancestors'),
).join('; ');
