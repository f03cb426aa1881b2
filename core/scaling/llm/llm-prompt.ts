import type { ScalingAdviceInfo } from '../../contract/scaling.ts';

/**
 * The prompt for the optional LLM explanation, built from exactly the facts of the plain
 * explanation — the workload's recommendations as the advisor wrote them — and nothing else: the
 * LLM may reword them, never add to them. `numbersNotInFacts` checks that it did not.
 */
export interface ExplanationFacts {
  workload: string;
  kind: string;
  confidence: string;
  recommendations: readonly { kind: string; confidence: string; explanation: string }[];
}

export function factsOf(advice: ScalingAdviceInfo): ExplanationFacts {
  return {
    workload: advice.workload,
    kind: advice.kind,
    confidence: advice.confidence,
    recommendations: advice.recommendations.map((r) => ({
      kind: r.kind,
      confidence: r.confidence,
      explanation: r.explanation,
    })),
  };
}

/** The facts as the plain explanation shows them, one line each. */
export function factLines(facts: ExplanationFacts): string[] {
  return facts.recommendations.map((r) => `- ${r.kind} (confidence ${r.confidence}): ${r.explanation}`);
}

export function explanationPrompt(facts: ExplanationFacts): string {
  return [
    `You explain Kubernetes scaling advice to the operator of the ${facts.kind} ${facts.workload}.`,
    `Foresight's advisor produced these recommendations (overall confidence ${facts.confidence}):`,
    ...factLines(facts),
    '',
    'Rewrite them as a short explanation in plain words (at most 6 sentences): what to do first, why,',
    'and how sure the advice is. Use only the facts above. Do not add, compute or round any number:',
    'every number you write must appear above exactly as written. Do not invent causes. No headings.',
  ].join('\n');
}

const NUMBER = /\d+(?:[.,]\d+)*/g;

/** Numbers in `text` that appear nowhere in the facts (commas as thousands separators ignored). */
export function numbersNotInFacts(text: string, facts: ExplanationFacts): string[] {
  const known = new Set<string>();
  const source = [facts.workload, facts.kind, ...factLines(facts)].join('\n');
  for (const n of source.match(NUMBER) ?? []) known.add(normalize(n));
  const unknown = new Set<string>();
  for (const n of text.match(NUMBER) ?? []) if (!known.has(normalize(n))) unknown.add(n);
  return [...unknown];
}

function normalize(n: string): string {
  return n.replace(/,(?=\d{3}\b)/g, '');
}
