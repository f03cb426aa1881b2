import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ReportFormat,
  ReportPeriod,
  ReportProgress,
  ReportSectionId,
  ReportSectionInfo,
} from '../../../core/contract/index.ts';
import { describeFailure } from '../api/apiError.ts';
import type { ApiClient } from '../api/client.ts';
import type { Delivery, ReportFilePayload } from '../reports/deliverFile.ts';

export type ExportPhase = 'idle' | 'building' | 'delivering' | 'done' | 'failed';

export interface ReportsState {
  /** Every section, with whether it can be exported yet; null until loaded. */
  catalog: ReportSectionInfo[] | null;
  catalogError: string | null;
  /** Chosen sections; unavailable ones can never be chosen. */
  selected: ReportSectionId[];
  period: ReportPeriod;
  format: ReportFormat;
  phase: ExportPhase;
  progress: { done: number; total: number; stage: string } | null;
  /** What happened to the last export, in words. */
  message: string | null;
  loadCatalog(): Promise<void>;
  toggleSection(id: ReportSectionId): void;
  setPeriod(period: ReportPeriod): void;
  setFormat(format: ReportFormat): void;
  exportReport(): Promise<void>;
}

export interface ReportsDeps {
  api: Pick<ApiClient, 'call' | 'on'>;
  deliver: (file: ReportFilePayload) => Promise<Delivery>;
  newJobId?: () => string;
}

function randomJobId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `job-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The chosen sections after the catalog changes. At first every available section is on, as
 * most people want the whole report; later a section that has just become available (its data
 * arrived while the page was open) is turned on too, unless the user already chose about it;
 * a section that is no longer available is dropped.
 */
export function selectionAfter(
  before: readonly ReportSectionInfo[] | null,
  now: readonly ReportSectionInfo[],
  selected: readonly ReportSectionId[],
  toggledByUser: ReadonlySet<ReportSectionId>,
): ReportSectionId[] {
  const available = now.filter((s) => s.available).map((s) => s.id);
  if (before === null) return available;
  const wasAvailable = new Set(before.filter((s) => s.available).map((s) => s.id));
  return available.filter((id) => selected.includes(id) || (!wasAvailable.has(id) && !toggledByUser.has(id)));
}

/**
 * The Reports page's state: what to export (sections, period, format) and how the export is
 * going. Progress comes from `reportProgress` events carrying this page's job id; others' jobs
 * (another window, the CLI) are ignored.
 */
export function createReportsStore(deps: ReportsDeps): StoreApi<ReportsState> {
  const newJobId = deps.newJobId ?? randomJobId;
  let currentJob: string | null = null;
  /** Sections the user ticked or unticked: their choice stands when the catalog changes. */
  const toggledByUser = new Set<ReportSectionId>();

  const store = createStore<ReportsState>()((set, get) => ({
    catalog: null,
    catalogError: null,
    selected: [],
    period: '24h',
    format: 'pdf',
    phase: 'idle',
    progress: null,
    message: null,

    async loadCatalog() {
      try {
        const { sections } = await deps.api.call('reports.catalog', {});
        set((state) => ({
          catalog: sections,
          catalogError: null,
          selected: selectionAfter(state.catalog, sections, state.selected, toggledByUser),
        }));
      } catch (error) {
        set({ catalogError: describeFailure(error) });
      }
    },

    toggleSection(id) {
      const section = get().catalog?.find((s) => s.id === id);
      if (!section?.available) return;
      toggledByUser.add(id);
      set((state) => ({
        selected: state.selected.includes(id)
          ? state.selected.filter((s) => s !== id)
          : [...state.selected, id],
      }));
    },

    setPeriod: (period) => set({ period }),
    setFormat: (format) => set({ format }),

    async exportReport() {
      const { selected, period, format, phase } = get();
      if (phase === 'building' || phase === 'delivering' || selected.length === 0) return;
      const jobId = newJobId();
      currentJob = jobId;
      set({ phase: 'building', progress: { done: 0, total: 1, stage: 'Starting' }, message: null });
      try {
        const result = await deps.api.call('reports.build', { jobId, sections: selected, period, format });
        set({ phase: 'delivering', progress: { done: 1, total: 1, stage: 'Saving' } });
        const delivery = await deps.deliver(result);
        const size = sizeOf(result.bytes);
        set({
          phase: 'done',
          message:
            delivery.kind === 'saved'
              ? `Saved ${delivery.path} (${size}).`
              : delivery.kind === 'downloaded'
                ? `Downloaded ${result.fileName} (${size}).`
                : 'Not saved: the save dialog was cancelled.',
        });
      } catch (error) {
        set({ phase: 'failed', message: `The report could not be made: ${describeFailure(error)}` });
      } finally {
        currentJob = null;
      }
    },
  }));

  deps.api.on('reportProgress', (progress: ReportProgress) => {
    if (progress.jobId !== currentJob || store.getState().phase !== 'building') return;
    store.setState({ progress: { done: progress.done, total: progress.total, stage: progress.stage } });
  });
  return store;
}

export type ReportsStore = StoreApi<ReportsState>;
