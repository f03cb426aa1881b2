import { describe, expect, it } from 'vitest';
import { humanDuration, parseIncludeObject, wantsTable } from './table.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (kubectl AGE)', () => {
  it.each([
    [-5 * S, '<invalid>'],
    [-1 * S, '0s'],
    [0, '0s'],
    [59 * S, '59s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [9 * M + 30 * S, '9m30s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H + 30 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [7 * D + 5 * H, '7d5h'],
    [8 * D + 5 * H, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [800 * D, '2y70d'],
    [9 * 365 * D, '9y'],
  ])('%d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('content negotiation', () => {
  it.each([
    [undefined, false],
    ['application/json', false],
    [
      'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      true,
    ],
    ['application/json;as=Table;g=meta.k8s.io;v=v1beta1', true],
    ['application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io', false],
    ['application/json;as=Table;v=v1;g=example.com', false],
  ])('wantsTable(%j) = %s', (accept, expected) => {
    expect(wantsTable(accept)).toBe(expected);
  });

  it.each([
    [null, 'Metadata'],
    ['None', 'None'],
    ['Object', 'Object'],
    ['bogus', 'Metadata'],
  ])('includeObject=%j → %s', (value, expected) => {
    expect(parseIncludeObject(value)).toBe(expected);
  });
});
