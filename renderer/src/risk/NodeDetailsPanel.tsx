import { useEffect, useState } from 'react';
import type { NodeDetails } from '../../../core/contract/index.ts';
import { describeFailure } from '../api/apiError.ts';
import { useApi } from '../app/storesContext.ts';
import { formatBytes, formatCpu } from '../format/units.ts';
import { allocatedRows, formatAge, resourceListText, taintText } from './nodeDetailsView.ts';

function Conditions({ conditions, now }: { conditions: NodeDetails['conditions']; now: number }) {
  return (
    <table className="simple-table" data-testid="node-conditions">
      <thead>
        <tr>
          <th>Condition</th>
          <th>Status</th>
          <th>Since</th>
          <th>Reason</th>
          <th>Message</th>
        </tr>
      </thead>
      <tbody>
        {conditions.map((c) => (
          <tr key={c.type} className={c.bad ? 'node-condition-bad' : undefined} data-bad={c.bad}>
            <td>{c.type}</td>
            <td>{c.status}</td>
            <td title={c.lastTransitionTime}>{formatAge(c.lastTransitionTime, now)}</td>
            <td>{c.reason ?? ''}</td>
            <td>{c.message ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Pods({ details }: { details: NodeDetails }) {
  if (details.podsProblem) return <p className="error">{details.podsProblem}</p>;
  return (
    <>
      <table className="simple-table" data-testid="node-pods">
        <thead>
          <tr>
            <th>Namespace</th>
            <th>Pod</th>
            <th>Phase</th>
            <th>Restarts</th>
            <th>CPU requests</th>
            <th>CPU limits</th>
            <th>Memory requests</th>
            <th>Memory limits</th>
          </tr>
        </thead>
        <tbody>
          {details.pods.map((p) => (
            <tr key={`${p.namespace}/${p.name}`} title={p.problem}>
              <td>{p.namespace}</td>
              <td>{p.name}</td>
              <td>{p.phase}</td>
              <td>{p.restarts}</td>
              <td>{formatCpu(p.cpuRequestMillis)}</td>
              <td>{formatCpu(p.cpuLimitMillis)}</td>
              <td>{formatBytes(p.memoryRequestBytes)}</td>
              <td>{formatBytes(p.memoryLimitBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {details.podCount > details.pods.length ? (
        <p className="muted">
          Showing {details.pods.length} of {details.podCount} pods; the allocated sums count them all.
        </p>
      ) : null}
    </>
  );
}

function Allocated({ allocated }: { allocated: NodeDetails['allocated'] }) {
  return (
    <table className="simple-table" data-testid="node-allocated">
      <thead>
        <tr>
          <th>Resource</th>
          <th>Requests</th>
          <th>Limits</th>
          <th>Allocatable</th>
        </tr>
      </thead>
      <tbody>
        {allocatedRows(allocated).map((r) => (
          <tr key={r.resource}>
            <td>{r.resource}</td>
            <td>{r.requests}</td>
            <td>{r.limits}</td>
            <td>{r.allocatable}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Fields({ details, now }: { details: NodeDetails; now: number }) {
  const { info } = details;
  const labels = Object.entries(details.labels);
  return (
    <dl className="fields" data-testid="node-fields">
      <dt>Age</dt>
      <dd title={details.createdAt}>{formatAge(details.createdAt, now)}</dd>
      <dt>Unschedulable</dt>
      <dd>{details.unschedulable ? 'true (cordoned)' : 'false'}</dd>
      <dt>Taints</dt>
      <dd>{details.taints.length > 0 ? details.taints.map(taintText).join(', ') : '<none>'}</dd>
      <dt>Kubelet</dt>
      <dd data-testid="node-kubelet-version">{info?.kubeletVersion ?? 'not reported yet'}</dd>
      {info ? (
        <>
          <dt>OS image</dt>
          <dd>{info.osImage}</dd>
          <dt>Kernel</dt>
          <dd>{info.kernelVersion}</dd>
          <dt>Container runtime</dt>
          <dd>{info.containerRuntimeVersion}</dd>
          <dt>Architecture</dt>
          <dd>
            {info.operatingSystem}/{info.architecture}
          </dd>
        </>
      ) : null}
      <dt>Addresses</dt>
      <dd>{details.addresses.map((a) => `${a.type}: ${a.address}`).join(', ') || '—'}</dd>
      <dt>Capacity</dt>
      <dd>{resourceListText(details.capacity)}</dd>
      <dt>Allocatable</dt>
      <dd>{resourceListText(details.allocatable)}</dd>
      <dt>Labels</dt>
      <dd>{labels.length > 0 ? labels.map(([k, v]) => `${k}=${v}`).join(', ') : '<none>'}</dd>
    </dl>
  );
}

/**
 * The node itself, as `kubectl describe node` shows it: read live when the page opens and again
 * whenever `refresh` changes (the page's own refresh).
 */
export function NodeDetailsPanel({ node, refresh }: { node: string; refresh: unknown }) {
  const api = useApi();
  const [details, setDetails] = useState<NodeDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api
      .call('nodes.describe', { node })
      .then((d) => {
        if (!current) return;
        setDetails(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (current) setError(describeFailure(e));
      });
    return () => {
      current = false;
    };
  }, [api, node, refresh]);
  const shown = details?.name === node ? details : null;
  return (
    <section data-testid="node-details">
      <h3>Node</h3>
      {error ? <p className="error">{error}</p> : null}
      {shown ? (
        <>
          <Fields details={shown} now={shown.at} />
          <h4>Conditions</h4>
          <Conditions conditions={shown.conditions} now={shown.at} />
          <h4>Allocated resources</h4>
          <Allocated allocated={shown.allocated} />
          <h4>Pods ({shown.podCount})</h4>
          <Pods details={shown} />
        </>
      ) : error ? null : (
        <p className="muted">Reading the node…</p>
      )}
    </section>
  );
}
