import { useEffect } from 'react';
import type { RiskModelInfo, ScorerEvaluationData } from '../../../core/contract/index.ts';
import { useRisk } from '../risk/RiskBadge.tsx';
import '../risk/risk.css';

const SIZE = 180;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const num = (x: number | null, digits = 3) => (x === null ? 'n/a' : x.toFixed(digits));

function Curve(props: {
  title: string;
  testId: string;
  model: ScorerEvaluationData['roc'];
  baseline: ScorerEvaluationData['roc'];
}) {
  const path = (c: ScorerEvaluationData['roc']) =>
    c.points.map((p) => `${(p.x * SIZE).toFixed(1)},${(SIZE - p.y * SIZE).toFixed(1)}`).join(' ');
  return (
    <figure data-testid={props.testId}>
      <figcaption>
        {props.title}: model AUC {num(props.model.auc)}, rules {num(props.baseline.auc)}
      </figcaption>
      <svg
        className="risk-chart"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        style={{ maxWidth: 260 }}
        role="img"
        aria-label={props.title}
      >
        <polyline points={path(props.baseline)} stroke="#999" />
        <polyline points={path(props.model)} stroke="#c22" />
      </svg>
    </figure>
  );
}

function Evaluation({
  dataset,
  model,
  baseline,
}: {
  dataset: string;
  model: ScorerEvaluationData;
  baseline: ScorerEvaluationData;
}) {
  const c = model.confusion;
  return (
    <section className="panel" data-testid="model-evaluation">
      <h3>On {dataset}</h3>
      <p>
        {model.points} prediction points, {model.positives} within 30 min of an incident,{' '}
        {model.alarms.incidents} incidents.
      </p>
      <div className="model-grid">
        <table>
          <caption>Side by side</caption>
          <thead>
            <tr>
              <th />
              <th>model</th>
              <th>rules</th>
            </tr>
          </thead>
          <tbody>
            {model.incidentPr && baseline.incidentPr ? (
              <tr title="Precision and recall counted in incidents warned and alarms an incident followed, over every threshold">
                <th>PR-AUC, incidents</th>
                <td data-testid="incident-pr-auc">{num(model.incidentPr.auc)}</td>
                <td>{num(baseline.incidentPr.auc)}</td>
              </tr>
            ) : null}
            <tr title="Every minute of the 30 before an incident counts as one that should have alarmed">
              <th>PR-AUC, points</th>
              <td data-testid="pr-auc">{num(model.pr.auc)}</td>
              <td>{num(baseline.pr.auc)}</td>
            </tr>
            <tr>
              <th>ROC-AUC</th>
              <td>{num(model.roc.auc)}</td>
              <td>{num(baseline.roc.auc)}</td>
            </tr>
            <tr>
              <th>incidents warned</th>
              <td>
                {model.alarms.warned}/{model.alarms.incidents}
              </td>
              <td>
                {baseline.alarms.warned}/{baseline.alarms.incidents}
              </td>
            </tr>
            <tr>
              <th>median lead (min)</th>
              <td>{num(model.alarms.medianLeadMinutes, 1)}</td>
              <td>{num(baseline.alarms.medianLeadMinutes, 1)}</td>
            </tr>
            <tr>
              <th>false alarms / node-day</th>
              <td>{model.alarms.falseAlarmsPerNodeDay.toFixed(2)}</td>
              <td>{baseline.alarms.falseAlarmsPerNodeDay.toFixed(2)}</td>
            </tr>
          </tbody>
        </table>
        <table data-testid="confusion-matrix">
          <caption>Confusion matrix at {c.threshold.toFixed(2)} (points)</caption>
          <thead>
            <tr>
              <th />
              <th>alarm</th>
              <th>no alarm</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>incident followed</th>
              <td>{c.tp}</td>
              <td>{c.fn}</td>
            </tr>
            <tr>
              <th>none followed</th>
              <td>{c.fp}</td>
              <td>{c.tn}</td>
            </tr>
          </tbody>
        </table>
        <Curve title="ROC" testId="roc-curve" model={model.roc} baseline={baseline.roc} />
        <Curve title="Precision-recall" testId="pr-curve" model={model.pr} baseline={baseline.pr} />
        <table>
          <caption>Per kind (model)</caption>
          <thead>
            <tr>
              <th>kind</th>
              <th>precision</th>
              <th>recall</th>
              <th>F1</th>
              <th>support</th>
            </tr>
          </thead>
          <tbody>
            {model.perClass.map((k) => (
              <tr key={k.label}>
                <th>{k.label}</th>
                <td>{k.precision.toFixed(2)}</td>
                <td>{k.recall.toFixed(2)}</td>
                <td>{k.f1.toFixed(2)}</td>
                <td>{k.support}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table data-testid="calibration">
          <caption>Calibration (model)</caption>
          <thead>
            <tr>
              <th>predicted</th>
              <th>points</th>
              <th>mean predicted</th>
              <th>observed</th>
            </tr>
          </thead>
          <tbody>
            {model.calibration
              .filter((b) => b.count > 0)
              .map((b) => (
                <tr key={b.from}>
                  <th>
                    {pct(b.from)}–{pct(b.to)}
                  </th>
                  <td>{b.count}</td>
                  <td>{pct(b.meanPredicted)}</td>
                  <td>{pct(b.observedRate)}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <div>
          <strong>Lead times (model, min):</strong>{' '}
          {model.alarms.leadMinutes.length > 0
            ? [...model.alarms.leadMinutes]
                .sort((a, b) => a - b)
                .map((m) => m.toFixed(0))
                .join(', ')
            : 'no incident was warned'}
        </div>
      </div>
    </section>
  );
}

/** How well the current model does, what it was trained on, and retraining. */
export function ModelSection() {
  const model = useRisk((s) => s.model);
  const error = useRisk((s) => s.modelError);
  const loadModel = useRisk((s) => s.loadModel);
  const train = useRisk((s) => s.train);
  const training = useRisk((s) => s.training);
  const trainResult = useRisk((s) => s.trainResult);
  useEffect(() => {
    void loadModel();
  }, [loadModel]);
  return (
    <div className="section" data-testid="model-page">
      <header className="section-header">
        <h1>Model</h1>
        <span className="section-meta">
          The risk model: what it learned from, and how well it predicts next to the rules.
        </span>
      </header>
      {error ? (
        <p className="error">{error}</p>
      ) : model ? (
        <ModelDetails model={model} training={training} trainResult={trainResult} train={train} />
      ) : (
        <p className="muted">Loading the model…</p>
      )}
    </div>
  );
}

function ModelDetails({
  model,
  training,
  trainResult,
  train,
}: {
  model: RiskModelInfo;
  training: boolean;
  trainResult: string | null;
  train: () => Promise<void>;
}) {
  const top = Math.max(1e-9, ...model.importance.map((f) => f.prAucDrop));
  return (
    <>
      <section className="panel">
        <h2>Risk model</h2>
        <p data-testid="model-origin">
          {model.origin === 'default'
            ? 'The model shipped with Foresight'
            : model.origin === 'trained'
              ? 'Trained on this cluster'
              : 'No model: the rules predict'}
          {model.trainedAt ? `, trained ${new Date(model.trainedAt).toLocaleString()}` : ''}; on{' '}
          {model.trainedOn}. Alarm threshold {model.threshold.toFixed(2)}.
        </p>
        <p>
          Feedback so far: {model.feedback.useful} useful, {model.feedback.falseAlarm} false alarms.{' '}
          <button type="button" disabled={training} onClick={() => void train()}>
            {training ? 'Training…' : 'Train a challenger on this cluster'}
          </button>{' '}
          {trainResult ? <span data-testid="train-result">{trainResult}</span> : null}
        </p>
        {model.decisions.length > 0 ? (
          <ul>
            {model.decisions.map((d) => (
              <li key={d.at}>
                {new Date(d.at).toLocaleString()}: {d.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {model.evaluations.map((e) => (
        <Evaluation key={e.dataset} {...e} />
      ))}
      <section className="panel" data-testid="feature-importance">
        <h3>Permutation feature importance (PR-AUC lost when a feature is shuffled)</h3>
        <table>
          <tbody>
            {model.importance.map((f) => (
              <tr key={f.feature}>
                <th>{f.feature}</th>
                <td>{f.prAucDrop.toFixed(4)}</td>
                <td>
                  <span
                    className="importance-bar"
                    style={{ width: `${Math.max(0, (f.prAucDrop / top) * 160)}px` }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
