import type { Session } from 'electron';

/**
 * The one permission the app's page may have: writing sanitized text to the clipboard, so that
 * "copy the kubectl command" works. Reading the clipboard, camera, notifications, geolocation,
 * USB and every other permission is refused, and nothing at all is granted to other pages.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/**
 * Installs the policy on both of Electron's permission paths: requests (a page asks) and checks
 * (a page asks whether it may). Without the check handler Electron answers checks with its own
 * permissive default.
 */
export function installPermissionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  isAppUrl: (url: string) => boolean,
): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, isAppUrl));
  });
  session.setPermissionCheckHandler((_webContents, permission, _origin, details) =>
    isPermissionGranted(permission, details.requestingUrl, isAppUrl),
  );
}
