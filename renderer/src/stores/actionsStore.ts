import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  Action,
  ActionPermission,
  ActionPreview,
  AuditRecord,
  AutopilotConfig,
  AutopilotDecision,
  AutopilotStatus,
} from '../../../core/contract/index.ts';
import { describeFailure } from '../api/apiError.ts';
import type { ApiClient } from '../api/client.ts';

/** Where the one open action dialog is: preview → confirm → running → done (with undo). */
export type DialogPhase = 'previewing' | 'confirm' | 'running' | 'done' | 'failed';

export interface ActionDialog {
  action: Action;
  phase: DialogPhase;
  preview: ActionPreview | null;
  auditId: number | null;
  /** Progress lines of the running action, as they arrive. */
  steps: string[];
  /** The audit record once the action ended. */
  record: AuditRecord | null;
  error: string | null;
}

export interface ActionsState {
  dialog: ActionDialog | null;
  /** RBAC answers per key (`cordon:node-1`), so buttons can be disabled with the reason. */
  permissions: ReadonlyMap<string, ActionPermission>;
  audit: AuditRecord[];
  auditError: string | null;
  /** Opens the dialog for an action and asks the backend for its dry-run preview. */
  open(action: Action): Promise<void>;
  /** Replaces the action (e.g. an edited taint) and previews it again. */
  revise(action: Action): Promise<void>;
  confirm(): Promise<void>;
  cancelRunning(): Promise<void>;
  undo(auditId: number): Promise<void>;
  close(): void;
  /** Asks (batched, cached) whether each action is allowed. */
  ensurePermissions(actions: readonly Action[]): void;
  refreshAudit(): Promise<void>;
  /** The autopilot's settings, tainted nodes and decisions; null until loaded. */
  autopilot: AutopilotStatus | null;
  autopilotError: string | null;
  loadAutopilot(): Promise<void>;
  configureAutopilot(change: Partial<AutopilotConfig>): Promise<void>;
}

export const permissionKey = (action: Action): string =>
  'node' in action ? `${action.kind}:${action.node}` : `${action.kind}:${JSON.stringify(action)}`;

const MAX_BATCH = 50;

/** The dialog following `record` moves to done or failed with its steps and outcome. */
function finishedDialog(s: ActionsState, record: AuditRecord): Partial<ActionsState> {
  if (s.dialog?.auditId !== record.id) return {};
  const ok = record.status === 'succeeded';
  return {
    dialog: {
      ...s.dialog,
      record,
      phase: ok ? 'done' : 'failed',
      steps: record.progress.map((p) => p.message),
      error: ok ? null : record.outcome,
    },
  };
}

/**
 * The actions' state for the Nodes page buttons, the preview/confirm dialog and the Actions page.
 * Progress and results come as `actionProgress` and `actionFinished` events: the dialog follows
 * its own audit id, the audit list takes every record.
 */
export function createActionsStore(api: Pick<ApiClient, 'call' | 'on'>): StoreApi<ActionsState> {
  const asked = new Set<string>();
  const pending: Action[] = [];
  let flushScheduled = false;

  const store = createStore<ActionsState>()((set, get) => {
    const preview = async (action: Action) => {
      set({
        dialog: {
          action,
          phase: 'previewing',
          preview: null,
          auditId: null,
          steps: [],
          record: null,
          error: null,
        },
      });
      try {
        const result = await api.call('actions.preview', { action });
        if (get().dialog?.action !== action) return;
        set((s) => ({ dialog: s.dialog && { ...s.dialog, phase: 'confirm', preview: result } }));
      } catch (error) {
        if (get().dialog?.action !== action) return;
        set((s) => ({ dialog: s.dialog && { ...s.dialog, phase: 'failed', error: describeFailure(error) } }));
      }
    };

    const startRun = async (run: () => Promise<{ auditId: number }>, action: Action) => {
      set((s) => ({
        dialog: {
          action,
          phase: 'running',
          preview: s.dialog?.preview ?? null,
          auditId: null,
          steps: [],
          record: null,
          error: null,
        },
      }));
      try {
        const { auditId } = await run();
        set((s) => ({ dialog: s.dialog && { ...s.dialog, auditId } }));
        const record = get().audit.find((r) => r.id === auditId);
        if (record && record.status !== 'running') finish(record);
      } catch (error) {
        set((s) => ({ dialog: s.dialog && { ...s.dialog, phase: 'failed', error: describeFailure(error) } }));
      }
    };

    const finish = (record: AuditRecord) => set((s) => finishedDialog(s, record));

    const flush = async () => {
      flushScheduled = false;
      const batch = pending.splice(0, MAX_BATCH);
      if (pending.length > 0) scheduleFlush();
      if (batch.length === 0) return;
      try {
        const { permissions } = await api.call('actions.check', { actions: batch });
        set((s) => {
          const next = new Map(s.permissions);
          batch.forEach((action, i) => {
            const answer = permissions[i];
            if (answer) next.set(permissionKey(action), answer);
          });
          return { permissions: next };
        });
      } catch {
        // Unknown is shown as allowed: the preview checks again and says why it cannot run.
        for (const action of batch) asked.delete(permissionKey(action));
      }
    };
    const scheduleFlush = () => {
      if (flushScheduled) return;
      flushScheduled = true;
      setTimeout(() => void flush(), 0);
    };

    return {
      dialog: null,
      permissions: new Map(),
      audit: [],
      auditError: null,
      open: (action) => preview(action),
      revise: (action) => preview(action),
      async confirm() {
        const dialog = get().dialog;
        if (!dialog || dialog.phase !== 'confirm') return;
        await startRun(() => api.call('actions.execute', { action: dialog.action }), dialog.action);
      },
      async cancelRunning() {
        const auditId = get().dialog?.auditId;
        if (auditId !== null && auditId !== undefined) await api.call('actions.cancel', { auditId });
      },
      async undo(auditId) {
        const record = get().audit.find((r) => r.id === auditId) ?? get().dialog?.record;
        const undoAction = record?.undo;
        if (!undoAction) return;
        await startRun(() => api.call('actions.undo', { auditId }), undoAction);
      },
      close: () => set({ dialog: null }),
      ensurePermissions(actions) {
        for (const action of actions) {
          const key = permissionKey(action);
          if (asked.has(key)) continue;
          asked.add(key);
          pending.push(action);
        }
        if (pending.length > 0) scheduleFlush();
      },
      autopilot: null,
      autopilotError: null,
      async loadAutopilot() {
        try {
          set({ autopilot: await api.call('autopilot.status', {}), autopilotError: null });
        } catch (error) {
          set({ autopilotError: describeFailure(error) });
        }
      },
      async configureAutopilot(change) {
        try {
          set({ autopilot: await api.call('autopilot.configure', { config: change }), autopilotError: null });
        } catch (error) {
          set({ autopilotError: describeFailure(error) });
        }
      },
      async refreshAudit() {
        try {
          const { records } = await api.call('actions.audit', { limit: 200 });
          set({ audit: records, auditError: null });
        } catch (error) {
          set({ auditError: describeFailure(error) });
        }
      },
    };
  });

  api.on('actionProgress', ({ auditId, message }) =>
    store.setState((s) =>
      s.dialog?.auditId === auditId && s.dialog.phase === 'running'
        ? { dialog: { ...s.dialog, steps: [...s.dialog.steps, message] } }
        : {},
    ),
  );
  api.on('actionFinished', (record) => {
    store.setState((s) => ({ audit: [record, ...s.audit.filter((r) => r.id !== record.id)] }));
    if (record.status !== 'running') store.setState((s) => finishedDialog(s, record));
  });
  api.on('autopilotDecision', (decision: AutopilotDecision) => {
    store.setState((s) =>
      s.autopilot
        ? { autopilot: { ...s.autopilot, decisions: [decision, ...s.autopilot.decisions].slice(0, 100) } }
        : {},
    );
    // An action of the autopilot changed the cluster and wrote the audit: show both as they are now.
    if (decision.decision !== 'hold') {
      void store.getState().loadAutopilot();
      void store.getState().refreshAudit();
    }
  });
  // The final event may come before the reply with the audit id: startRun then finds it in `audit`.
  return store;
}
