import { benchActions } from './actions.bench.ts';
import { benchAutopilot } from './autopilot.bench.ts';
import { benchCollection } from './collection.bench.ts';
import { benchHistorySize } from './history-size.bench.ts';
import { benchIngest } from './ingest.bench.ts';
import { benchPlacement } from './placement.bench.ts';
import { benchPlacementReplay } from './placement-replay.bench.ts';
import { benchReports } from './report.bench.ts';
import { benchScaling } from './scaling.bench.ts';
import { benchRisk } from './risk.bench.ts';
import { benchSimulator } from './sim.bench.ts';
import { benchSignals } from './signals.bench.ts';

/**
 * `npm run bench`: prints figures, asserts nothing (the machine is shared and noisy; compare
 * ratios within one run). `npm run bench -- ingest` runs one group.
 */
const groups: Record<string, () => Promise<void>> = {
  ingest: benchIngest,
  'history-size': () => benchHistorySize(500),
  collection: async () => {
    await benchCollection(12, 8);
    // The upstream Kubernetes scalability limits: 5,000 nodes, 150,000 pods.
    await benchCollection(5000, 30);
  },
  report: benchReports,
  sim: benchSimulator,
  scaling: benchScaling,
  placement: benchPlacement,
  'placement-replay': benchPlacementReplay,
  actions: benchActions,
  autopilot: benchAutopilot,
  risk: benchRisk,
  signals: () => benchSignals(500, 30),
};

const wanted = process.argv.slice(2).filter((a) => a in groups);
console.log(`Foresight bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of Object.entries(groups)) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
