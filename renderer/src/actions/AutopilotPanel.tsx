import { useEffect } from 'react';
import type { AutopilotConfig } from '../../../core/contract/index.ts';
import { useActions } from './useActions.ts';

function NumberSetting(props: {
  label: string;
  value: number;
  step?: number;
  onChange: (value: number) => void;
  testId: string;
}) {
  return (
    <label>
      {props.label}{' '}
      <input
        className="number-input"
        type="number"
        step={props.step ?? 1}
        defaultValue={props.value}
        data-testid={props.testId}
        onBlur={(e) => {
          const value = Number(e.target.value);
          if (Number.isFinite(value) && value !== props.value) props.onChange(value);
        }}
      />
    </label>
  );
}

/** The config's on/off settings. */
type Switch = 'enabled' | 'dryRun' | 'drain' | 'followNodeAdvice';

const SWITCHES: readonly { field: Switch; label: string; testId?: string }[] = [
  { field: 'enabled', label: 'On for this cluster', testId: 'autopilot-enabled' },
  { field: 'dryRun', label: 'Dry run (log what it would do)', testId: 'autopilot-dry-run' },
  { field: 'drain', label: 'Also drain tainted nodes' },
  {
    field: 'followNodeAdvice',
    label: 'Also act on node advice (a node that keeps failing)',
    testId: 'autopilot-follow-advice',
  },
];

function SwitchSetting(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}) {
  return (
    <label>
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        {...(props.testId ? { 'data-testid': props.testId } : {})}
      />{' '}
      {props.label}
    </label>
  );
}

/**
 * The autopilot for this cluster: off until turned on, a dry-run mode that only logs, a kill
 * switch, its thresholds, whether it follows the node advice, the nodes carrying its taint and
 * every decision with its reasoning.
 */
export function AutopilotPanel() {
  const status = useActions((state) => state.autopilot);
  const error = useActions((state) => state.autopilotError);
  const load = useActions((state) => state.loadAutopilot);
  const configure = useActions((state) => state.configureAutopilot);
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <p className="notice">The autopilot cannot be read: {error}</p>;
  if (!status) return <p className="empty">Loading the autopilot…</p>;
  const { config } = status;
  const set = (change: Partial<AutopilotConfig>) => void configure(change);
  const state = config.paused
    ? 'stopped by the kill switch'
    : !config.enabled
      ? 'off'
      : config.dryRun
        ? 'on, dry run: it only logs'
        : 'on';
  return (
    <div className="panel" data-testid="autopilot-panel">
      <h3>
        Autopilot: <span data-testid="autopilot-state">{state}</span>
      </h3>
      <p className="muted">
        When a node&apos;s risk stays at or above {config.threshold} (or the risk engine calls it at risk) for{' '}
        {config.consecutive} predictions in a row it taints it with{' '}
        <code>{`${config.taint.key}=${config.taint.value}:${config.taint.effect}`}</code>
        {config.drain ? ' and drains it' : ''}
        {config.followNodeAdvice
          ? ", and does the same at once to a node Foresight's node advice says to cordon (it keeps failing)"
          : ''}
        ; once the node is healthy for {config.healthyMinutes} minutes
        {config.followNodeAdvice ? ' and that advice has lapsed' : ''} it removes the taint. One node at a
        time, at most {Math.round(config.maxTaintedFraction * 100)}% of the nodes, never the last schedulable
        one, never a control-plane node, {config.cooldownMinutes} minutes between actions on a node,
        PodDisruptionBudgets always respected.
      </p>
      <div className="action-form">
        {SWITCHES.map(({ field, label, testId }) => (
          <SwitchSetting
            key={field}
            label={label}
            checked={config[field]}
            onChange={(checked) => set({ [field]: checked })}
            {...(testId ? { testId } : {})}
          />
        ))}
        <button
          type="button"
          className={config.paused ? 'primary-button' : 'action-button'}
          onClick={() => set({ paused: !config.paused })}
          data-testid="autopilot-kill-switch"
        >
          {config.paused ? 'Release the kill switch' : 'Kill switch: stop now'}
        </button>
      </div>
      <div className="action-form">
        <NumberSetting
          label="Risk threshold"
          step={0.05}
          value={config.threshold}
          onChange={(threshold) => set({ threshold })}
          testId="autopilot-threshold"
        />
        <NumberSetting
          label="Predictions in a row"
          value={config.consecutive}
          onChange={(consecutive) => set({ consecutive })}
          testId="autopilot-consecutive"
        />
        <NumberSetting
          label="Healthy minutes"
          value={config.healthyMinutes}
          onChange={(healthyMinutes) => set({ healthyMinutes })}
          testId="autopilot-healthy"
        />
        <NumberSetting
          label="Cooldown minutes"
          value={config.cooldownMinutes}
          onChange={(cooldownMinutes) => set({ cooldownMinutes })}
          testId="autopilot-cooldown"
        />
      </div>
      <p data-testid="autopilot-tainted">
        Tainted by the autopilot now: {status.tainted.length ? status.tainted.join(', ') : 'none'}
      </p>
      {status.decisions.length > 0 ? (
        <ol className="action-steps" data-testid="autopilot-decisions">
          {status.decisions.map((d, i) => (
            <li key={i} data-decision={d.decision}>
              {new Date(d.at).toLocaleTimeString()} {d.dryRun ? '(dry run) ' : ''}
              <strong>{d.decision}</strong> {d.node}: {d.reason}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No decisions yet.</p>
      )}
    </div>
  );
}
