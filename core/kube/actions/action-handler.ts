import type { Action, ActionPreview } from '../../contract/actions.ts';
import type { KubeJson } from './kube-json.ts';
import type { Permission } from './rbac-check.ts';

/** What a handler's dry run found; the pipeline adds the summary, permission and kubectl line. */
export type PreviewParts = Pick<ActionPreview, 'changes' | 'evict' | 'skip' | 'blocking' | 'problems'>;

export interface ExecuteResult {
  ok: boolean;
  /** How it ended, in one line (kubectl's words where it has them). */
  outcome: string;
  /** The action that puts things back, when there is one. */
  undo?: Action;
  /** Stopped by a cancel. */
  cancelled?: boolean;
}

/**
 * One kind of action in the shared pipeline: what it needs permission for, what its dry run
 * shows, how it runs and how it is undone.
 */
export interface ActionHandler<A extends Action = Action> {
  /** Problems with the input itself, before anything is asked of the cluster. */
  validate(action: A): string[];
  permissions(api: KubeJson, action: A): Promise<Permission[]>;
  preview(api: KubeJson, action: A): Promise<PreviewParts>;
  execute(
    api: KubeJson,
    action: A,
    step: (message: string) => void,
    signal: AbortSignal,
  ): Promise<ExecuteResult>;
  summary(action: A): string;
  target(action: A): string;
  kubectl(action: A): string;
  undoable: boolean;
}

export const emptyPreview = (): PreviewParts => ({
  changes: [],
  evict: [],
  skip: [],
  blocking: [],
  problems: [],
});

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
