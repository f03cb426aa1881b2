// A child process that writes history batches as fast as it can, printing the count of
// committed batches after each one, until it is killed. Used by the crash-safety test.
import { HistoryStore } from '../../../core/history/store.ts';

const [path = '', nodesArg = '200'] = process.argv.slice(2);
const nodes = Number(nodesArg);
const store = HistoryStore.open(path);
let at = Date.now();
for (let batch = 1; ; batch++) {
  at += 5000;
  store.insertNodeSamples(
    Array.from({ length: nodes }, (_, i) => ({
      node: `node-${i}`,
      at,
      cpuMillis: i,
      memoryBytes: i * 1024,
      pods: i % 110,
    })),
  );
  process.stdout.write(`${batch}\n`);
}
