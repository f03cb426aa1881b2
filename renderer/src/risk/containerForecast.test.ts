import { describe, expect, it } from 'vitest';
import { nodeRow } from '../testing/fixtures.ts';
import { containerForecastLine } from './containerForecast.ts';

describe('the container forecast line on the node page', () => {
  it.each([
    ['no forecast', {}, undefined],
    ['hours without a name', { containerHoursToLimit: 0.2 }, undefined],
    ['no container rising', { containerHoursToLimit: null, containerNearestLimit: 'a/b/c' }, undefined],
    ['more than a day off', { containerHoursToLimit: 30, containerNearestLimit: 'a/b/c' }, undefined],
    [
      'minutes away',
      { containerHoursToLimit: 0.2, containerNearestLimit: 'shop/web-1/sidecar' },
      'Nearest its memory limit: container shop/web-1/sidecar, ~12 min left at its 30-min trend.',
    ],
    [
      'hours away',
      { containerHoursToLimit: 5.4, containerNearestLimit: 'shop/web-1/sidecar' },
      'Nearest its memory limit: container shop/web-1/sidecar, ~5 h left at its 30-min trend.',
    ],
    [
      'at its limit',
      { containerHoursToLimit: 0, containerNearestLimit: 'shop/web-1/sidecar' },
      'Container shop/web-1/sidecar is at its memory limit and still rising: an OOM kill is next.',
    ],
  ])('%s', (_, extra, expected) => {
    expect(containerForecastLine(nodeRow(extra))).toBe(expected);
  });
});
