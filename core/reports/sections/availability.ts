import type { Answer } from '../reads/types.ts';
import type { SectionAvailability } from './types.ts';

/**
 * A section built from one feature's answer is available when the feature answered; otherwise
 * the reason says what is missing and, in the feature's words, why.
 */
export function answerAvailability(
  answer: Answer<unknown> | undefined,
  missing: string,
): SectionAvailability {
  if (answer === undefined) return { available: false, reason: `${missing}: it was not read` };
  if (!answer.ok) return { available: false, reason: `${missing}: ${answer.reason}` };
  return { available: true };
}

/** The value of an answer that availability has already found present. */
export function answered<T>(answer: Answer<T> | undefined, what: string): T {
  if (!answer?.ok) throw new Error(`${what} is not available: check availability before collecting.`);
  return answer.value;
}
