import type { LlmExplanation } from '../../../core/contract/index.ts';

interface Props {
  explaining: boolean;
  explanation: LlmExplanation | null;
  error: string | null;
  onExplain: () => void;
}

/**
 * "Explain in plain words (LLM)" under a workload's advice, shown only when Settings turned LLM
 * explanations on. The advice above stays what it is; the LLM only rewords its facts.
 */
export function LlmExplanationView({ explaining, explanation, error, onExplain }: Props) {
  return (
    <div className="scaling-llm" data-testid="scaling-llm">
      <button
        type="button"
        className="action-button"
        disabled={explaining}
        onClick={onExplain}
        data-testid="scaling-llm-explain"
      >
        {explaining ? 'Asking the LLM…' : 'Explain in plain words (LLM)'}
      </button>
      {error ? <p className="error">{error}</p> : null}
      {explanation?.status === 'written' ? (
        <blockquote className="scaling-llm-text" data-testid="scaling-llm-text">
          <p>{explanation.text}</p>
          <footer className="muted">
            Written by {explanation.model} from the advice above; the advice does not depend on it.
          </footer>
          {explanation.unverifiedNumbers.length > 0 ? (
            <p className="notice" data-testid="scaling-llm-unverified">
              The LLM wrote numbers that are not in the advice ({explanation.unverifiedNumbers.join(', ')}):
              trust the advice above.
            </p>
          ) : null}
        </blockquote>
      ) : explanation ? (
        <p className="notice" data-testid="scaling-llm-message">
          {explanation.message}
        </p>
      ) : null}
    </div>
  );
}
