import { blocksHtml, blocksPdf } from '../../blocks.ts';
import type { ReportSource } from '../../source.ts';
import { answerAvailability } from '../availability.ts';
import type { ReportSectionPlugin, SectionAvailability } from '../types.ts';
import { collectEvaluation } from './collect.ts';
import type { EvaluationSection } from './model.ts';
import { evaluationBlocks, evaluationTables } from './render.ts';

function availability(source: ReportSource): SectionAvailability {
  const model = source.reads?.model;
  const answer = answerAvailability(model, 'no model evaluation');
  if (!answer.available || !model?.ok) return answer;
  if (model.value.origin === 'none') {
    return { available: false, reason: 'no risk model is in use: risk is predicted by the rules alone' };
  }
  if (model.value.evaluations.length === 0) {
    return { available: false, reason: 'the risk model in use carries no evaluation' };
  }
  return { available: true };
}

/** Available whenever a risk model with an evaluation is in use (the shipped one has one). */
export const evaluationSection: ReportSectionPlugin<EvaluationSection> = {
  id: 'evaluation',
  title: 'Model evaluation',
  description: 'How well the risk model predicts: ROC/PR, confusion matrix, per kind, feature importance.',
  needs: ['model'],
  availability,
  collect: collectEvaluation,
  tables: evaluationTables,
  html: (section) => blocksHtml(evaluationBlocks(section)),
  pdf: (writer, section) => blocksPdf(writer, evaluationBlocks(section)),
};
