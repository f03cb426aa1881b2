import { selectorMatches } from '../kube/labels.ts';
import type { LabelSelector } from '../kube/types.ts';

/**
 * Which PodDisruptionBudgets select which pods, kept up to date pod by pod. Budgets are indexed
 * by one of their matchLabels pairs, so a pod is checked only against the few budgets that
 * could select it (a namespace of 40,000 pods may have hundreds of budgets).
 */
export class PdbIndex {
  private readonly byLabel = new Map<string, Set<string>>();
  private readonly unindexed = new Map<string, Set<string>>();
  private readonly selectors = new Map<
    string,
    { namespace: string; selector: LabelSelector | undefined; slot: string }
  >();
  private readonly members = new Map<string, Set<string>>();
  private readonly budgetsOfPod = new Map<string, string[]>();

  /** Adds or replaces a budget; returns true when its selector changed (members must be recomputed). */
  setBudget(key: string, namespace: string, selector: LabelSelector | undefined): boolean {
    const previous = this.selectors.get(key);
    if (previous && JSON.stringify(previous.selector) === JSON.stringify(selector)) return false;
    this.removeBudget(key);
    const first = Object.entries(selector?.matchLabels ?? {})[0];
    const slot = first ? `${namespace}\u0000${first[0]}=${first[1]}` : namespace;
    const table = first ? this.byLabel : this.unindexed;
    let set = table.get(slot);
    if (!set) table.set(slot, (set = new Set()));
    set.add(key);
    this.selectors.set(key, { namespace, selector, slot });
    this.members.set(key, new Set());
    return true;
  }

  removeBudget(key: string): void {
    const entry = this.selectors.get(key);
    if (!entry) return;
    this.byLabel.get(entry.slot)?.delete(key);
    this.unindexed.get(entry.slot)?.delete(key);
    for (const pod of this.members.get(key) ?? []) {
      const list = this.budgetsOfPod.get(pod)?.filter((b) => b !== key);
      if (list && list.length > 0) this.budgetsOfPod.set(pod, list);
      else this.budgetsOfPod.delete(pod);
    }
    this.members.delete(key);
    this.selectors.delete(key);
  }

  /** Records a pod's labels (undefined: deleted); returns every budget whose members changed or may matter. */
  setPod(podKey: string, namespace: string, labels: Readonly<Record<string, string>> | undefined): string[] {
    const before = this.budgetsOfPod.get(podKey) ?? [];
    const after: string[] = [];
    if (labels) {
      const candidates = new Set<string>(this.unindexed.get(namespace) ?? []);
      for (const [k, v] of Object.entries(labels))
        for (const b of this.byLabel.get(`${namespace}\u0000${k}=${v}`) ?? []) candidates.add(b);
      for (const b of candidates) if (selectorMatches(this.selectors.get(b)?.selector, labels)) after.push(b);
    }
    for (const b of before) if (!after.includes(b)) this.members.get(b)?.delete(podKey);
    for (const b of after) this.members.get(b)?.add(podKey);
    if (after.length > 0) this.budgetsOfPod.set(podKey, after);
    else this.budgetsOfPod.delete(podKey);
    return [...new Set([...before, ...after])];
  }

  membersOf(key: string): ReadonlySet<string> {
    return this.members.get(key) ?? new Set();
  }
}
