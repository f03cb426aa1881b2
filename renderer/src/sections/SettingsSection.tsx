import type { ReactNode } from 'react';
import { useConnection, useHistory } from '../app/storesContext.ts';
import { formatCount, missing } from '../format/units.ts';
import { ContextChecks } from '../settings/ContextChecks.tsx';
import { KubeconfigPanel } from '../settings/KubeconfigPanel.tsx';
import { LlmPanel } from '../settings/LlmPanel.tsx';
import { RetentionField } from '../settings/RetentionField.tsx';
import { useLoadSettings, useSettings } from '../settings/useSettings.ts';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** Where Foresight is connected, which kubeconfig files it reads, and how long it keeps history. */
export function SettingsSection() {
  useLoadSettings();
  const settingsError = useSettings((state) => state.error);
  const status = useConnection((state) => state.status);
  const app = useConnection((state) => state.app);
  const history = useHistory((state) => state.status);
  return (
    <section className="section" aria-labelledby="settings-title">
      <header className="section-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      {settingsError ? (
        <p className="notice" role="alert">
          {settingsError}
        </p>
      ) : null}
      <div className="panels">
        <div className="panel">
          <h2>Cluster connection</h2>
          <dl className="fields">
            <Field label="Context" testId="settings-context">
              {status?.context ?? missing}
            </Field>
            <Field label="Server">{status?.server ?? missing}</Field>
            <Field label="Cluster">
              {status ? (status.demo ? 'Built-in demo cluster (simulated)' : 'Your cluster') : missing}
            </Field>
            <Field label="State">{status?.state ?? missing}</Field>
          </dl>
        </div>
        <div className="panel">
          <h2>History</h2>
          <dl className="fields">
            <Field label="Database" testId="settings-history-path">
              <code>{history?.path ?? missing}</code>
            </Field>
            <Field label="State">{history?.state ?? missing}</Field>
            <Field label="Retention" testId="settings-retention">
              {history ? `${history.retentionDays} days` : missing}
            </Field>
            <Field label="Samples">{history ? formatCount(history.sampleCount) : missing}</Field>
          </dl>
          <RetentionField />
        </div>
        <KubeconfigPanel />
        <ContextChecks />
        <LlmPanel />
        <div className="panel">
          <h2>Application</h2>
          <dl className="fields">
            <Field label="Version">{app?.version ?? missing}</Field>
            <Field label="Host">
              {app ? (app.host === 'electron' ? 'Desktop app' : `${app.host}`) : missing}
            </Field>
          </dl>
        </div>
      </div>
    </section>
  );
}
