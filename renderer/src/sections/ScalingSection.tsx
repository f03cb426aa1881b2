import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ScalingAdviceInfo } from '../../../core/contract/index.ts';
import { ActionDialog } from '../actions/ActionDialog.tsx';
import { ActionButton } from '../actions/ActionButton.tsx';
import { useSectionStore } from '../app/storesContext.ts';
import { ForecastChart } from '../scaling/ForecastChart.tsx';
import { LlmExplanationView } from '../scaling/LlmExplanationView.tsx';
import { ScalingOverview } from '../scaling/ScalingOverview.tsx';
import { SeriesChart } from '../scaling/SeriesChart.tsx';
import { createScalingStore, workloadKey, type ScalingState } from '../stores/scalingStore.ts';
import '../scaling/scaling.css';

function useScaling<T>(selector: (state: ScalingState) => T): T {
  return useStore(
    useSectionStore('scaling', (api) => createScalingStore(api)),
    selector,
  );
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const signed = (n: number) => `${n > 0 ? '+' : ''}${n}%`;

function Replicas({ advice }: { advice: ScalingAdviceInfo }) {
  const [namespace = '', name = ''] = advice.workload.split('/');
  const kind = advice.kind === 'StatefulSet' ? 'StatefulSet' : 'Deployment';
  return (
    <section className="panel" data-testid="scaling-replicas">
      <h3>Replicas</h3>
      <p>
        {advice.replicas.current} run now; the load needs {advice.replicas.neededNow}; the forecast for the
        next hours needs <strong>{advice.replicas.predictive}</strong>.
      </p>
      <p className="muted">
        {advice.currentHpa
          ? `HPA ${advice.currentHpa.name} now: ${advice.currentHpa.minReplicas}–${advice.currentHpa.maxReplicas} replicas at ${advice.currentHpa.targetUtilization}% CPU. `
          : 'No HPA. '}
        Recommended: {advice.hpa.minReplicas}–{advice.hpa.maxReplicas} replicas at{' '}
        {advice.hpa.targetUtilization}% CPU.
      </p>
      <ActionButton
        action={{ kind: 'scale', workload: { kind, namespace, name }, replicas: advice.replicas.predictive }}
        label={`Scale to ${advice.replicas.predictive}…`}
        testId="scaling-apply-replicas"
      />{' '}
      {advice.currentHpa ? (
        <ActionButton
          action={{
            kind: 'hpa-bounds',
            namespace,
            name: advice.currentHpa.name,
            minReplicas: advice.hpa.minReplicas,
            maxReplicas: advice.hpa.maxReplicas,
          }}
          label={`Set HPA ${advice.currentHpa.name} to ${advice.hpa.minReplicas}–${advice.hpa.maxReplicas}…`}
          testId="scaling-apply-hpa"
        />
      ) : (
        <span className="muted">Without an HPA, the schedule below can scale it.</span>
      )}
    </section>
  );
}

function Schedule({ advice }: { advice: ScalingAdviceInfo }) {
  const [format, setFormat] = useState<'cron' | 'keda'>('cron');
  const s = advice.schedule;
  return (
    <section className="panel" data-testid="scaling-schedule">
      <h3>Schedule (UTC)</h3>
      {(['weekdays', 'weekends'] as const).map((days) => (
        <div key={days}>
          <p className="muted">{days}: replicas by hour</p>
          <div className="scaling-profile">
            {s[days].map((r, h) => (
              <span key={h} title={`${h}:00`}>
                {r}
              </span>
            ))}
          </div>
        </div>
      ))}
      <p>
        Peaks: {s.peaks.map((p) => `${p.days} ${p.fromHour}–${p.toHour}h`).join(', ') || 'none'}. Quiet:{' '}
        {s.quiet.map((p) => `${p.days} ${p.fromHour}–${p.toHour}h`).join(', ') || 'none'}. Rises start{' '}
        {s.leadMinutes} minutes early.
      </p>
      <div role="tablist">
        <button
          type="button"
          className="action-button"
          aria-selected={format === 'cron'}
          onClick={() => setFormat('cron')}
        >
          CronJob YAML
        </button>{' '}
        <button
          type="button"
          className="action-button"
          aria-selected={format === 'keda'}
          onClick={() => setFormat('keda')}
        >
          KEDA ScaledObject
        </button>
      </div>
      <pre className="scaling-yaml">{format === 'cron' ? s.cronJobYaml : s.kedaYaml}</pre>
    </section>
  );
}

function RightSizing({ advice }: { advice: ScalingAdviceInfo }) {
  const r = advice.rightSizing;
  return (
    <section className="panel" data-testid="scaling-right-sizing">
      <h3>Right-sizing ({r.severity})</h3>
      <table>
        <tbody>
          <tr>
            <td>CPU request</td>
            <td>{r.cpuRequestMillis.current}m</td>
            <td>→ {r.cpuRequestMillis.recommended}m</td>
            <td>{signed(r.cpuRequestMillis.changePercent)}</td>
          </tr>
          <tr>
            <td>Memory request</td>
            <td>{mib(r.memoryRequestBytes.current)}</td>
            <td>→ {mib(r.memoryRequestBytes.recommended)}</td>
            <td>{signed(r.memoryRequestBytes.changePercent)}</td>
          </tr>
          <tr>
            <td>Memory limit</td>
            <td>{r.memoryLimitBytes.current > 0 ? mib(r.memoryLimitBytes.current) : 'not set'}</td>
            <td>→ {mib(r.memoryLimitBytes.recommended)}</td>
            <td>{r.memoryLimitBytes.current > 0 ? signed(r.memoryLimitBytes.changePercent) : 'new'}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        {r.reasoning} (confidence {r.confidence})
      </p>
    </section>
  );
}

function Cost({ advice }: { advice: ScalingAdviceInfo }) {
  const c = advice.cost;
  const money = (n: number) => `${n.toFixed(2)} ${c.currency}`;
  return (
    <section className="panel" data-testid="scaling-cost">
      <h3>Cost a month</h3>
      <p>
        Today {money(c.today)}; recommended {money(c.recommended)}; saving{' '}
        <strong>{money(c.monthlySavings)}</strong>.
      </p>
      <p className="muted">
        The schedule costs {money(c.scheduled)} against {money(c.fixedAtPeak)} for a fixed count sized for the
        peak.
      </p>
    </section>
  );
}

/** The LLM button and its answer, when Settings turned LLM explanations on. */
function LlmPart() {
  const enabled = useScaling((s) => s.llmEnabled);
  const explaining = useScaling((s) => s.explaining);
  const explanation = useScaling((s) => s.explanation);
  const error = useScaling((s) => s.explainError);
  const explain = useScaling((s) => s.explain);
  if (!enabled) return null;
  return (
    <LlmExplanationView
      explaining={explaining}
      explanation={explanation}
      error={error}
      onExplain={() => void explain()}
    />
  );
}

function Advice({ advice }: { advice: ScalingAdviceInfo }) {
  return (
    <>
      <section className="panel" data-testid="scaling-forecast">
        <h3>
          Load and forecast ({advice.forecast.method}, confidence {advice.confidence})
        </h3>
        <ForecastChart advice={advice} />
        <div className="scaling-minis">
          <SeriesChart
            title="Replicas"
            at={advice.history.at}
            values={advice.history.replicas}
            format={(n) => String(n)}
            testId="scaling-replicas-chart"
          />
          <SeriesChart
            title="CPU per pod"
            at={advice.history.at}
            values={advice.history.podCpuMillis}
            format={(n) => `${Math.round(n)}m`}
            testId="scaling-pod-cpu-chart"
          />
          <SeriesChart
            title="Memory, largest pod"
            at={advice.history.at}
            values={advice.history.podMemoryBytes}
            format={mib}
            testId="scaling-pod-memory-chart"
          />
        </div>
      </section>
      <section className="panel" data-testid="scaling-recommendations">
        <h3>Advice</h3>
        <ul className="scaling-recs">
          {advice.recommendations.map((r, i) => (
            <li key={i} data-kind={r.kind}>
              <strong>{r.kind}</strong> ({r.confidence}): {r.explanation}
            </li>
          ))}
        </ul>
        <LlmPart />
      </section>
      <div className="panels">
        <Replicas advice={advice} />
        <Cost advice={advice} />
      </div>
      <Schedule advice={advice} />
      <RightSizing advice={advice} />
    </>
  );
}

/** Scaling: pick a workload; see its forecast, replicas advice, schedule, right-sizing and cost. */
export function ScalingSection() {
  const workloads = useScaling((s) => s.workloads);
  const listError = useScaling((s) => s.listError);
  const chosen = useScaling((s) => s.chosen);
  const phase = useScaling((s) => s.phase);
  const advice = useScaling((s) => s.advice);
  const error = useScaling((s) => s.error);
  const load = useScaling((s) => s.loadWorkloads);
  const open = useScaling((s) => s.open);
  const loadLlmSetting = useScaling((s) => s.loadLlmSetting);
  useEffect(() => {
    void loadLlmSetting();
  }, [loadLlmSetting]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 30_000);
    return () => clearInterval(timer);
  }, [load]);
  return (
    <div className="section scaling-section">
      <header className="section-header">
        <h1>Scaling</h1>
        <span className="section-meta">
          Per workload: forecast, replicas and HPA bounds, a weekly schedule, right-sizing and cost
        </span>
      </header>
      <section className="panel">
        <label>
          Workload{' '}
          <select data-testid="scaling-workload" value={chosen} onChange={(e) => void open(e.target.value)}>
            <option value="">Choose a workload…</option>
            {workloads.map((w) => (
              <option key={workloadKey(w)} value={workloadKey(w)}>
                {w.kind} {w.namespace}/{w.name}
              </option>
            ))}
          </select>
        </label>
        {listError && <p className="error">{listError}</p>}
        {!listError && workloads.length === 0 && (
          <p className="muted">
            No workload usage recorded yet: advice appears after half an hour of history.
          </p>
        )}
        {phase === 'loading' && <p className="muted">Forecasting…</p>}
        {phase === 'failed' && error && <p className="error">{error}</p>}
      </section>
      {chosen === '' && <ScalingOverview workloads={workloads} onOpen={(key) => void open(key)} />}
      {phase === 'done' && advice && <Advice advice={advice} />}
      <ActionDialog />
    </div>
  );
}
