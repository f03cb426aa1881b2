import { blocksHtml, blocksPdf } from '../../blocks.ts';
import type { ReportSource } from '../../source.ts';
import { answerAvailability } from '../availability.ts';
import type { ReportSectionPlugin, SectionAvailability } from '../types.ts';
import { collectNodeRisk } from './collect.ts';
import type { NodeRiskSection } from './model.ts';
import { nodeRiskBlocks, nodeRiskTables } from './render.ts';

const notRun = 'no risk predictions yet: the risk engine has not run on this cluster';

function availability(source: ReportSource): SectionAvailability {
  const risk = source.reads?.risk;
  const answer = answerAvailability(risk, 'no risk predictions');
  if (!answer.available || !risk?.ok) return answer;
  return risk.value.risks.length ? { available: true } : { available: false, reason: notRun };
}

/** Available once the risk engine has predicted for this cluster's nodes. */
export const nodeRiskSection: ReportSectionPlugin<NodeRiskSection> = {
  id: 'node-risk',
  title: 'Node risk',
  description: 'Each node’s risk of trouble, with its reasons and lead time.',
  needs: ['risk'],
  availability,
  collect: collectNodeRisk,
  tables: nodeRiskTables,
  html: (section) => blocksHtml(nodeRiskBlocks(section)),
  pdf: (writer, section) => blocksPdf(writer, nodeRiskBlocks(section)),
};
