import { useConnection } from '../app/storesContext.ts';
import { indicatorFor, type IndicatorState } from '../stores/connectionStore.ts';

const words: Record<IndicatorState, string> = {
  connecting: 'Connecting',
  connected: 'Connected',
  degraded: 'Degraded',
  disconnected: 'Disconnected',
};

/** The header's answer to "am I looking at live data?": always visible, never silent about why not. */
export function ConnectionIndicator() {
  const status = useConnection((state) => state.status);
  const link = useConnection((state) => state.link);
  const loadError = useConnection((state) => state.loadError);
  const indicator = indicatorFor({ status, link, loadError });
  const detail = status ? `${status.context} → ${status.server}${status.demo ? ' (demo cluster)' : ''}` : '';
  const title = [detail, indicator.message].filter(Boolean).join('\n');
  return (
    <div
      className={`connection connection-${indicator.state}`}
      data-testid="connection-indicator"
      data-state={indicator.state}
      title={title || undefined}
      role="status"
    >
      <span className="connection-context" data-testid="connection-context">
        {indicator.context || 'no context'}
      </span>
      {status?.demo ? <span className="tag">demo</span> : null}
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-word">{words[indicator.state]}</span>
      {indicator.message ? <span className="connection-message">{indicator.message}</span> : null}
    </div>
  );
}
