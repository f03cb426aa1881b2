import type { LlmExplanation, ScalingAdviceInfo } from '../../contract/scaling.ts';
import { createMessage } from './anthropic-messages.ts';
import { explanationPrompt, factLines, factsOf, numbersNotInFacts } from './llm-prompt.ts';

export interface LlmExplainOptions {
  enabled: boolean;
  model: string;
  /** Undefined when none is set. */
  apiKey: string | undefined;
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The advice's explanation in an LLM's words, when the user turned it on and gave a key. The
 * plain explanation always comes back with it, and is all there is when the LLM is off, has no
 * key or fails: recommendations never depend on the LLM.
 */
export async function explainWithLlm(
  advice: ScalingAdviceInfo,
  options: LlmExplainOptions,
): Promise<LlmExplanation> {
  const facts = factsOf(advice);
  const plain = factLines(facts);
  const without = (status: LlmExplanation['status'], message: string): LlmExplanation => ({
    status,
    plain,
    text: null,
    model: null,
    message,
    unverifiedNumbers: [],
  });
  if (!options.enabled)
    return without('off', 'LLM explanations are off. Turn them on in Settings → LLM explanations.');
  if (!options.apiKey)
    return without('no-key', 'No Anthropic API key is set. Add one in Settings → LLM explanations.');
  const answer = await createMessage({
    apiKey: options.apiKey,
    model: options.model,
    content: explanationPrompt(facts),
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  if (!answer.ok) return without('failed', `${answer.message} The plain explanation is shown instead.`);
  return {
    status: 'written',
    plain,
    text: answer.text.trim(),
    model: answer.model,
    message: null,
    unverifiedNumbers: numbersNotInFacts(answer.text, facts),
  };
}
