import { watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import { demoContextName, type ContextEntry, type ContextRef } from '../contract/index.ts';
import { listContexts } from '../kube/contexts.ts';
import { mergeKubeconfigFiles, type MergedKubeconfig } from '../kube/kubeconfig-merge.ts';

const demoEntry: ContextEntry = {
  source: 'demo',
  name: demoContextName,
  cluster: 'simulated',
  user: 'admin',
  namespace: '',
  current: false,
};

/**
 * The contexts the user can pick: the merged kubeconfig's, plus the demo. Watches the
 * kubeconfig files (and their folders, since editors and cloud CLIs replace files by rename)
 * and calls `onChange` when the merged list changes.
 */
export class ContextCatalog {
  private merged: MergedKubeconfig;
  private watchers: FSWatcher[] = [];
  private debounce: NodeJS.Timeout | undefined;

  constructor(
    readonly files: readonly string[],
    private readonly onChange: () => void = () => undefined,
    /** Paths added in Settings that could not be used (missing, unreadable). */
    private readonly pathProblems: ReadonlyArray<{ file: string; message: string }> = [],
    /** Folders added in Settings: any file appearing or going there changes the file list. */
    private readonly folders: { paths: readonly string[]; onChange: () => void } = {
      paths: [],
      onChange: () => undefined,
    },
  ) {
    this.merged = mergeKubeconfigFiles(files);
  }

  get entries(): ContextEntry[] {
    const fromKubeconfig = listContexts(this.merged).map((c) => ({ source: 'kubeconfig' as const, ...c }));
    return [...fromKubeconfig, demoEntry];
  }

  get problems() {
    return [...this.pathProblems, ...this.merged.problems];
  }

  get readFiles(): string[] {
    return this.merged.files;
  }

  get currentContext(): string | undefined {
    return this.merged.raw['current-context'];
  }

  has(ref: ContextRef): boolean {
    return this.entries.some((e) => e.source === ref.source && e.name === ref.name);
  }

  reload(): boolean {
    const before = JSON.stringify([this.entries, this.problems]);
    this.merged = mergeKubeconfigFiles(this.files);
    return JSON.stringify([this.entries, this.problems]) !== before;
  }

  watch(): void {
    const folders = new Set([...this.files.map((file) => dirname(file)), ...this.folders.paths]);
    for (const folder of folders) {
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (this.folders.paths.includes(folder)) {
            clearTimeout(this.debounce);
            this.debounce = setTimeout(() => this.folders.onChange(), 300);
            return;
          }
          if (name && !this.files.some((file) => file.endsWith(String(name)))) return;
          clearTimeout(this.debounce);
          this.debounce = setTimeout(() => {
            if (this.reload()) this.onChange();
          }, 300);
        });
        watcher.on('error', () => undefined);
        this.watchers.push(watcher);
      } catch {
        // A folder that does not exist (yet) is not worth failing for: nothing to watch there.
      }
    }
  }

  close(): void {
    clearTimeout(this.debounce);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }
}
