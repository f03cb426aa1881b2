import { describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.ts';

describe('pdfText', () => {
  it.each([
    ['500m → 250m (-50%)', '500m -> 250m (-50%)'],
    ['p ≥ 0.5', 'p >= 0.5'],
    ['the model’s horizon — 30 min • “quoted” café', 'the model’s horizon — 30 min • “quoted” café'],
    ['ctx-日本', 'ctx-??'],
    ['emoji 🚀 here', 'emoji ? here'],
  ])('writes %j as %j', (input, output) => {
    expect(pdfText(input)).toBe(output);
  });
});
