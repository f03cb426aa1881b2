import { describe, expect, it } from 'vitest';
import { riskFigure } from './risk.ts';

describe('riskFigure', () => {
  it.each([
    [{ probability: 0.234, source: 'model' as const }, '23%'],
    [{ probability: 0.01, source: 'rules' as const }, 'flagged by the rules'],
    [{ probability: 0.8, source: 'detector' as const }, 'flagged by the streaming detector'],
  ])('%o reads "%s"', (risk, words) => {
    expect(riskFigure(risk)).toBe(words);
  });
});
