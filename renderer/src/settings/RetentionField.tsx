import { useState, type FormEvent } from 'react';
import { maxRetentionDays } from '../../../core/contract/index.ts';
import { useSettings } from './useSettings.ts';

/** History retention in days; saving restarts collection for the connected cluster. */
export function RetentionField() {
  const saved = useSettings((state) => state.view?.retentionDays);
  const saving = useSettings((state) => state.saving);
  const update = useSettings((state) => state.update);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? (saved === undefined ? '' : String(saved));
  const days = Number(value);
  const valid = Number.isInteger(days) && days >= 1 && days <= maxRetentionDays;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (valid && (await update({ retentionDays: days }))) setDraft(null);
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor="retention-days">Keep history for</label>
      <input
        id="retention-days"
        className="filter number-input"
        type="number"
        min={1}
        max={maxRetentionDays}
        value={value}
        onChange={(event) => setDraft(event.target.value)}
      />
      <span>days</span>
      <button type="submit" className="primary-button" disabled={saving || !valid || days === saved}>
        Save
      </button>
      {!valid && value !== '' ? <span className="notice">Between 1 and {maxRetentionDays} days.</span> : null}
    </form>
  );
}
