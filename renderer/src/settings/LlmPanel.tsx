import { useState, type FormEvent } from 'react';
import { defaultLlmModel } from '../../../core/contract/index.ts';
import { useSettings } from './useSettings.ts';

/**
 * Optional LLM explanations of scaling advice (Anthropic Messages API), off by default. The key
 * goes to the backend once and never comes back: the page only learns that one is set, and where
 * it is kept (the OS's secure storage in the desktop app; memory for the session elsewhere).
 */
export function LlmPanel() {
  const llm = useSettings((state) => state.view?.llm);
  const saving = useSettings((state) => state.saving);
  const update = useSettings((state) => state.update);
  const [model, setModel] = useState<string | null>(null);
  const [key, setKey] = useState('');
  const modelValue = model ?? llm?.model ?? defaultLlmModel;

  async function saveModel(event: FormEvent) {
    event.preventDefault();
    if (await update({ llm: { model: modelValue.trim() } })) setModel(null);
  }

  async function saveKey(event: FormEvent) {
    event.preventDefault();
    const apiKey = key.trim();
    // The field is cleared whatever happens: the key should not linger in the page.
    setKey('');
    if (apiKey) await update({ llm: { apiKey } });
  }

  const keyState = !llm?.keySet
    ? 'No key is set.'
    : llm.keyStorage === 'os'
      ? "A key is set, kept by the operating system's secure storage."
      : 'A key is set for this session only (not saved: secure storage needs the desktop app).';

  return (
    <div className="panel" data-testid="settings-llm">
      <h2>LLM explanations</h2>
      <p className="muted">
        Off by default. When on, the Scaling page offers “Explain in plain words (LLM)”: the advice’s own
        explanation is sent to the Anthropic API and reworded. Recommendations never depend on it.
      </p>
      <label className="inline-form">
        <input
          type="checkbox"
          data-testid="settings-llm-enabled"
          checked={llm?.enabled ?? false}
          disabled={saving || !llm}
          onChange={(event) => void update({ llm: { enabled: event.target.checked } })}
        />
        <span>Explain scaling advice with an LLM</span>
      </label>
      <form className="inline-form" onSubmit={(event) => void saveModel(event)}>
        <label htmlFor="llm-model">Model</label>
        <input
          id="llm-model"
          className="filter"
          data-testid="settings-llm-model"
          value={modelValue}
          onChange={(event) => setModel(event.target.value)}
        />
        <button
          type="submit"
          className="primary-button"
          disabled={saving || !llm || modelValue.trim() === '' || modelValue.trim() === llm.model}
        >
          Save
        </button>
      </form>
      <form className="inline-form" onSubmit={(event) => void saveKey(event)}>
        <label htmlFor="llm-key">Anthropic API key</label>
        <input
          id="llm-key"
          className="filter"
          type="password"
          autoComplete="off"
          data-testid="settings-llm-key"
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />
        <button type="submit" className="primary-button" disabled={saving || !llm || key.trim() === ''}>
          Save key
        </button>
        {llm?.keySet ? (
          <button
            type="button"
            className="action-button"
            disabled={saving}
            onClick={() => void update({ llm: { clearKey: true } })}
          >
            Remove key
          </button>
        ) : null}
      </form>
      <p
        className={llm?.keySet && llm.keyStorage === 'session' ? 'notice' : 'muted'}
        data-testid="settings-llm-key-state"
      >
        {keyState}
      </p>
    </div>
  );
}
