import type { NodeRiskSignal } from '../../core/scheduling/advisors/signals.ts';
import type { IncidentRecord } from '../../core/sim/scenarios/scenario.ts';

/** The risk verdicts the advice saw at one placement round. */
export interface RiskRound {
  at: number;
  risks: ReadonlyMap<string, NodeRiskSignal>;
}

/** Did the risk model see a first machine failure coming, in the minutes of NIC errors before it? */
export interface FailureWarnings {
  /** First failures of a node that had NIC errors before them (the only ones with a precursor). */
  failures: number;
  /** Of those, how many the engine called at risk on that node before it failed. */
  warned: number;
  /** Node-rounds elsewhere in the same minutes, and how many of them were called at risk. */
  otherRounds: number;
  otherAtRisk: number;
}

/** A hardware failure's precursor runs this long before the node goes silent (core/sim). */
const PRECURSOR_MS = 10 * 60_000;

/**
 * Scores the advice's risk signal against the simulator's ground truth, after the run: for each
 * first failure of a node with a precursor, whether the node was at risk in a round during its
 * NIC errors, and how often other nodes were called at risk in those same rounds.
 */
export function failureWarnings(
  rounds: readonly RiskRound[],
  incidents: readonly IncidentRecord[],
): FailureWarnings {
  const out: FailureWarnings = { failures: 0, warned: 0, otherRounds: 0, otherAtRisk: 0 };
  const failures = incidents.filter((i) => i.family === 'hardwareFailure');
  for (const f of failures) {
    const repeat = failures.some((g) => g.node === f.node && g.onsetMs < f.onsetMs);
    if (repeat || f.precursor === 'none' || !f.node) continue;
    out.failures++;
    let warned = false;
    for (const round of rounds) {
      if (round.at < f.onsetMs || round.at >= f.onsetMs + PRECURSOR_MS) continue;
      for (const [node, risk] of round.risks) {
        const atRisk = risk.level === 'at-risk';
        if (node === f.node) warned ||= atRisk;
        else {
          out.otherRounds++;
          if (atRisk) out.otherAtRisk++;
        }
      }
    }
    if (warned) out.warned++;
  }
  return out;
}
