import { useConnection, useHistory } from '../app/storesContext.ts';

/**
 * Problems that make the data on screen incomplete or stale. Each has its own banner because
 * each has a different fix: restart the host, fix the history database, or check the backend.
 */
export function Banners() {
  const link = useConnection((state) => state.link);
  const loadError = useConnection((state) => state.loadError);
  const history = useHistory((state) => state.status);
  return (
    <div className="banners">
      {link.state === 'down' ? (
        <div className="banner banner-error" data-testid="link-banner" role="alert">
          <strong>Host link down.</strong> {link.message}
        </div>
      ) : null}
      {link.state !== 'down' && loadError ? (
        <div className="banner banner-error" data-testid="load-banner" role="alert">
          <strong>Backend not answering.</strong> {loadError}
        </div>
      ) : null}
      {history?.state === 'unavailable' ? (
        <div className="banner banner-warn" data-testid="history-banner" role="alert">
          <strong>History unavailable.</strong>{' '}
          {history.message ?? `The history database at ${history.path} cannot be used.`} Live data still
          updates; trends, predictions and reports need history.
        </div>
      ) : null}
      {history?.state === 'ok' && history.message ? (
        <div className="banner banner-warn" data-testid="history-notice" role="status">
          <strong>History recovered.</strong> {history.message}
        </div>
      ) : null}
    </div>
  );
}
