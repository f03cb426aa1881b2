import type { NodeRiskSignal } from '../../core/scheduling/advisors/signals.ts';
import type { IncidentRecord } from '../../core/sim/scenarios/scenario.ts';

/** The risk verdicts and NIC error rates the advice saw at one placement round. */
export interface RiskRound {
  at: number;
  risks: ReadonlyMap<string, NodeRiskSignal>;
  nicErrors?: ReadonlyMap<string, number>;
}

/** How one signal did on the first failures: flagged the failing node, and flagged others. */
export interface SignalWarnings {
  /** Of the first failures, how many the signal flagged on that node before it failed. */
  warned: number;
  /** Node-rounds elsewhere in the same minutes, and how many of them the signal flagged. */
  otherRounds: number;
  otherFlagged: number;
}

/** Did Foresight see a first machine failure coming, in the minutes of NIC errors before it? */
export interface FailureWarnings {
  /** First failures of a node that had NIC errors before them (the only ones with a precursor). */
  failures: number;
  /** The risk model: called the node at risk. */
  risk: SignalWarnings;
  /** NetworkHealth: the node's NIC counted errors. */
  nic: SignalWarnings;
}

/** A hardware failure's precursor runs this long before the node goes silent (core/sim). */
const PRECURSOR_MS = 10 * 60_000;

type Flags = (round: RiskRound) => Iterable<[string, boolean]>;

const riskFlags: Flags = function* (round) {
  for (const [node, risk] of round.risks) yield [node, risk.level === 'at-risk'];
};
const nicFlags: Flags = function* (round) {
  for (const [node, rate] of round.nicErrors ?? []) yield [node, rate > 0];
};

function judge(
  rounds: readonly RiskRound[],
  failures: readonly IncidentRecord[],
  flags: Flags,
): SignalWarnings {
  const out: SignalWarnings = { warned: 0, otherRounds: 0, otherFlagged: 0 };
  for (const f of failures) {
    let warned = false;
    for (const round of rounds) {
      if (round.at < f.onsetMs || round.at >= f.onsetMs + PRECURSOR_MS) continue;
      for (const [node, flagged] of flags(round)) {
        if (node === f.node) warned ||= flagged;
        else {
          out.otherRounds++;
          if (flagged) out.otherFlagged++;
        }
      }
    }
    if (warned) out.warned++;
  }
  return out;
}

/**
 * Scores the advice's signals against the simulator's ground truth, after the run: for each
 * first failure of a node with a precursor, whether the node was flagged (at risk; NIC errors) in
 * a round during its NIC errors, and how often other nodes were flagged in those same rounds.
 */
export function failureWarnings(
  rounds: readonly RiskRound[],
  incidents: readonly IncidentRecord[],
): FailureWarnings {
  const all = incidents.filter((i) => i.family === 'hardwareFailure');
  const first = all.filter(
    (f) => f.node && f.precursor !== 'none' && !all.some((g) => g.node === f.node && g.onsetMs < f.onsetMs),
  );
  return {
    failures: first.length,
    risk: judge(rounds, first, riskFlags),
    nic: judge(rounds, first, nicFlags),
  };
}
