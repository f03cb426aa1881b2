import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../risk/experiment.ts';
import { parseEvaluateArgs } from './evaluate-command.ts';
import { UsageError } from './usage-error.ts';

describe('foresight evaluate options', () => {
  it('defaults to the default plan', () => {
    expect(parseEvaluateArgs([])).toEqual({ plan: DEFAULT_PLAN, json: undefined, each: false });
  });

  it('reads the horizon and the ensemble size: labels, calibration and alarms all at the horizon', () => {
    const { plan } = parseEvaluateArgs(['--horizon', '60', '--ensemble', '3']);
    expect(plan).toMatchObject({ horizonMinutes: 60, trainHorizonMinutes: 60, ensembleSize: 3 });
    expect(plan.testSeeds).toEqual(DEFAULT_PLAN.testSeeds);
  });

  it('reads what the network reads: today, A (aggregates added) or B (aggregates instead)', () => {
    expect(parseEvaluateArgs(['--features', 'B']).plan.features).toBe('B');
    expect(parseEvaluateArgs([]).plan.features).toBe('today');
  });

  it('reads the component that rings with the model: none (default), E, D, E+D, E30 or E30C', () => {
    expect(parseEvaluateArgs(['--component', 'E+D']).plan.component).toBe('E+D');
    expect(parseEvaluateArgs(['--component', 'E30']).plan.component).toBe('E30');
    expect(parseEvaluateArgs(['--component', 'E30C']).plan.component).toBe('E30C');
    expect(parseEvaluateArgs([]).plan.component).toBe('none');
  });

  it("reads the grid the component's threshold is chosen on: round 4's (default) or round 3's", () => {
    expect(parseEvaluateArgs([]).plan.tcGrid).toBe('round4');
    expect(parseEvaluateArgs(['--tc-grid', 'round3']).plan.tcGrid).toBe('round3');
  });

  it('--unseen each asks for one exam per family, the rest of the plan as given', () => {
    const { plan, each } = parseEvaluateArgs(['--unseen', 'each', '--test-seeds', '101,103']);
    expect(each).toBe(true);
    expect(plan.testSeeds).toEqual([101, 103]);
    expect(parseEvaluateArgs(['--unseen', 'diskFill']).each).toBe(false);
  });

  it('chooses thresholds on the validation seeds given, or on the default ones left unused', () => {
    expect(parseEvaluateArgs([]).plan.validationSeeds).toEqual(DEFAULT_PLAN.validationSeeds);
    const { plan } = parseEvaluateArgs(['--validation-seeds', '7,8,9,10,11,12', '--test-seeds', '113']);
    expect(plan).toMatchObject({ validationSeeds: [7, 8, 9, 10, 11, 12], testSeeds: [113] });
    expect(plan.trainSeeds).toEqual(DEFAULT_PLAN.trainSeeds);
    const kept = DEFAULT_PLAN.validationSeeds.slice(1);
    const [taken] = DEFAULT_PLAN.validationSeeds;
    expect(parseEvaluateArgs(['--test-seeds', String(taken)]).plan.validationSeeds).toEqual(kept);
  });

  it('reads seeds, unseen families, shape and the JSON path', () => {
    const { plan, json } = parseEvaluateArgs([
      '--seeds',
      '1,2',
      '--test-seeds',
      '9',
      '--unseen',
      'diskFill,hardwareFailure',
      '--nodes',
      '8',
      '--hours',
      '12',
      '--epochs',
      '5',
      '--timescales',
      'short',
      '--json',
      'out.json',
    ]);
    expect(plan).toMatchObject({
      trainSeeds: [1, 2],
      testSeeds: [9],
      unseenFamilies: ['diskFill', 'hardwareFailure'],
      nodes: 8,
      hours: 12,
      epochs: 5,
      timescales: 'short',
      trainHorizonMinutes: 15,
    });
    expect(json).toBe('out.json');
  });

  it.each([
    [['--seeds', '1,x'], /--seeds needs comma-separated whole numbers/],
    [['--seeds', '1,2', '--test-seeds', '2'], /seed 2 is in both --seeds and --test-seeds/],
    [['--validation-seeds', '7,,8'], /--validation-seeds needs comma-separated whole numbers/],
    [
      ['--validation-seeds', '7,8', '--test-seeds', '8'],
      /seed 8 is in --validation-seeds and in --test-seeds/,
    ],
    [['--validation-seeds', '3,9'], /seed 3 is in --validation-seeds and in --seeds/],
    [['--unseen', 'meteorStrike'], /unknown scenario family "meteorStrike"; try memoryLeak/],
    [['--nodes', '1'], /--nodes needs a whole number from 2 to 500/],
    [['--hours', '2.5'], /--hours needs a whole number/],
    [['--timescales', 'slow'], /--timescales needs short or realistic/],
    [['--horizon', '2'], /--horizon needs a whole number from 5 to 240/],
    [['--ensemble', '0'], /--ensemble needs a whole number from 1 to 9/],
    [['--features', 'C'], /--features needs one of today, A, B, got "C"/],
    [['--component', 'F'], /--component needs one of none, E, D, E\+D, E30, E30C, got "F"/],
    [['--tc-grid', 'round9'], /--tc-grid needs one of round3, round4, got "round9"/],
    [['--unseen', 'each,diskFill'], /unknown scenario family "each"/],
    [['extra'], /no positional arguments/],
  ])('refuses %j with a usage error that says what to do', (argv, message) => {
    expect(() => parseEvaluateArgs(argv)).toThrow(UsageError);
    expect(() => parseEvaluateArgs(argv)).toThrow(message);
  });

  it('refuses unknown options', () => {
    expect(() => parseEvaluateArgs(['--bogus'])).toThrow(/Unknown option '--bogus'/);
  });
});
