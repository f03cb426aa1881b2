import { describe, expect, it, vi } from 'vitest';
import type { ReportProgress, ReportSectionInfo, ReportsBuildResult } from '../../../core/contract/index.ts';
import { ApiError } from '../api/apiError.ts';
import type { Delivery } from '../reports/deliverFile.ts';
import { createReportsStore, selectionAfter, type ReportsDeps } from './reportsStore.ts';

const catalog: ReportSectionInfo[] = [
  { id: 'cluster-summary', title: 'Cluster summary', description: '', available: true },
  {
    id: 'node-risk',
    title: 'Node risk',
    description: '',
    available: false,
    reason: 'available when node risk lands',
  },
];

const built: ReportsBuildResult = {
  fileName: 'foresight-report-demo-20250314-1200.pdf',
  mimeType: 'application/pdf',
  base64: 'JVBERg==',
  bytes: 48_000,
  sections: ['cluster-summary'],
  buildMs: 120,
};

function setup(options: { build?: () => Promise<ReportsBuildResult>; delivery?: Delivery } = {}) {
  let emit: (progress: ReportProgress) => void = () => undefined;
  const calls: Array<{ method: string; params: unknown }> = [];
  const api = {
    call: vi.fn(async (method: string, params: unknown) => {
      calls.push({ method, params });
      if (method === 'reports.catalog') return { sections: catalog };
      emit({ jobId: 'someone-else', done: 1, total: 3, stage: 'Not mine' });
      emit({ jobId: 'job-1', done: 2, total: 3, stage: 'Writing the PDF' });
      progressDuringBuild = store.getState().progress;
      return (options.build ?? (async () => built))();
    }),
    on: vi.fn((_name: string, listener: (progress: ReportProgress) => void) => {
      emit = listener;
      return () => undefined;
    }),
  } as unknown as ReportsDeps['api'];
  const deliver = vi.fn(async () => options.delivery ?? ({ kind: 'downloaded' } as Delivery));
  let progressDuringBuild: unknown = null;
  const store = createReportsStore({ api, deliver, newJobId: () => 'job-1' });
  return { store, calls, deliver, progressDuringBuild: () => progressDuringBuild };
}

describe('reports store', () => {
  it('selects every available section on first load, and never an unavailable one', async () => {
    const { store } = setup();
    await store.getState().loadCatalog();
    expect(store.getState().selected).toEqual(['cluster-summary']);
    store.getState().toggleSection('node-risk');
    expect(store.getState().selected).toEqual(['cluster-summary']);
    store.getState().toggleSection('cluster-summary');
    expect(store.getState().selected).toEqual([]);
  });

  it('builds with the chosen options, follows only its own progress, and delivers the file', async () => {
    const { store, calls, deliver, progressDuringBuild } = setup();
    await store.getState().loadCatalog();
    store.getState().setPeriod('6h');
    store.getState().setFormat('pdf');
    await store.getState().exportReport();
    expect(calls.at(-1)).toEqual({
      method: 'reports.build',
      params: { jobId: 'job-1', sections: ['cluster-summary'], period: '6h', format: 'pdf' },
    });
    expect(progressDuringBuild()).toEqual({ done: 2, total: 3, stage: 'Writing the PDF' });
    expect(deliver).toHaveBeenCalledWith(built);
    expect(store.getState()).toMatchObject({
      phase: 'done',
      message: 'Downloaded foresight-report-demo-20250314-1200.pdf (47 KB).',
    });
  });

  it.each([
    {
      delivery: { kind: 'saved', path: '/home/op/r.pdf' } as Delivery,
      message: 'Saved /home/op/r.pdf (47 KB).',
    },
    { delivery: { kind: 'cancelled' } as Delivery, message: 'Not saved: the save dialog was cancelled.' },
  ])('says where the file went: $delivery.kind', async ({ delivery, message }) => {
    const { store } = setup({ delivery });
    await store.getState().loadCatalog();
    await store.getState().exportReport();
    expect(store.getState().message).toBe(message);
  });

  it('turns a failed build into a message the user can act on', async () => {
    const { store, deliver } = setup({
      build: async () => {
        throw new ApiError('reports.build', { code: 'Unavailable', message: 'No reply.', hint: 'Retry.' });
      },
    });
    await store.getState().loadCatalog();
    await store.getState().exportReport();
    expect(store.getState()).toMatchObject({
      phase: 'failed',
      message: 'The report could not be made: No reply. Retry.',
    });
    expect(deliver).not.toHaveBeenCalled();
  });

  it('does nothing with no section chosen', async () => {
    const { store, calls } = setup();
    await store.getState().loadCatalog();
    store.getState().toggleSection('cluster-summary');
    await store.getState().exportReport();
    expect(calls.map((c) => c.method)).toEqual(['reports.catalog']);
  });
});

describe('selectionAfter', () => {
  const info = (id: ReportSectionInfo['id'], available: boolean): ReportSectionInfo => ({
    id,
    title: id,
    description: '',
    available,
  });
  const before = [info('cluster-summary', true), info('node-risk', false), info('scaling', false)];

  it('turns on a section whose data arrived while the page was open', () => {
    const now = [info('cluster-summary', true), info('node-risk', true), info('scaling', false)];
    expect(selectionAfter(before, now, ['cluster-summary'], new Set())).toEqual([
      'cluster-summary',
      'node-risk',
    ]);
  });

  it('keeps the user’s choices: an unticked section stays off, one that went away is dropped', () => {
    const now = [info('cluster-summary', true), info('node-risk', true), info('scaling', true)];
    expect(selectionAfter(before, now, [], new Set(['cluster-summary', 'node-risk']))).toEqual(['scaling']);
    const gone = [info('cluster-summary', false), info('node-risk', false), info('scaling', false)];
    expect(selectionAfter(before, gone, ['cluster-summary'], new Set())).toEqual([]);
  });

  it('on the first load, every available section', () => {
    expect(selectionAfter(null, before, [], new Set())).toEqual(['cluster-summary']);
  });
});
