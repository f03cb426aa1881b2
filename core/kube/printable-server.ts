/**
 * A server address fit to show or print: scheme, host and path. User-info (`https://user:pass@`)
 * and query strings are dropped, since kubeconfigs occasionally carry credentials there.
 */
export function printableServer(server: string): string {
  try {
    const url = new URL(server);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return server.replace(/\/\/[^/@]*@/, '//').replace(/[?#].*$/, '');
  }
}
