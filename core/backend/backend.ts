import {
  contractError,
  demoContextName,
  errorReply,
  validateRequest,
  type ContextRef,
  type ContextsList,
  type ContractHandler,
  type EventEnvelope,
  type ReplyEnvelope,
  type ScalingAdviceInfo,
  type SettingsUpdate,
  type SettingsView,
  type ValidRequest,
} from '../contract/index.ts';
import { checkContext } from '../kube/context-check.ts';
import { expandExtraKubeconfigs } from '../kube/extra-kubeconfigs.ts';
import { defaultRetentionDays } from '../history/retention.ts';
import { memorySecretStore } from '../secrets/memory-secret-store.ts';
import { ContextCatalog } from './context-catalog.ts';
import { createLlmExplainer } from './llm-explainer.ts';
import { startClusterSession, type ClusterSession } from './cluster-session.ts';
import type { BackendOptions } from './options.ts';
import { readSettings, rememberContext, writeSettings } from './settings.ts';

export interface Backend extends ContractHandler {
  /** The demo cluster's API server URL while the demo is connected (for kubectl and tests). */
  readonly demoUrl: string | undefined;
  /** The kubeconfig file(s) the collector uses now. */
  readonly kubeconfigPath: string | string[];
  stop(): Promise<void>;
}

const demoRef: ContextRef = { source: 'demo', name: demoContextName };

function kubeconfigList(options: BackendOptions): string[] {
  const given = options.kubeconfigPath;
  return given === undefined ? [] : typeof given === 'string' ? [given] : given;
}

/** The host's kubeconfig list (KUBECONFIG or ~/.kube/config), then the files added in Settings. */
function kubeconfigSources(options: BackendOptions) {
  const extra = expandExtraKubeconfigs(readSettings(options.dataDir).extraKubeconfigPaths ?? []);
  return {
    files: [...new Set([...kubeconfigList(options), ...extra.files])],
    problems: extra.problems,
    folders: extra.folders,
  };
}

/** The command line's retention wins over the one saved in Settings. */
function retentionDays(options: BackendOptions): number {
  return options.retentionDays ?? readSettings(options.dataDir).retentionDays ?? defaultRetentionDays;
}

/**
 * Which cluster to connect to at start: the demo when asked or when there is no kubeconfig;
 * else the context named on the command line; else the one chosen last time (if it still
 * exists); else the kubeconfig's current-context; else the demo, with the picker to choose.
 */
export function initialTarget(options: BackendOptions, catalog: ContextCatalog): ContextRef {
  if (options.demo === true || typeof options.demo === 'object' || catalog.files.length === 0) return demoRef;
  if (options.context) return { source: 'kubeconfig', name: options.context };
  const remembered = readSettings(options.dataDir).lastContext;
  if (remembered && catalog.has(remembered)) return remembered;
  const current = catalog.currentContext;
  return current ? { source: 'kubeconfig', name: current } : demoRef;
}

/**
 * The service behind the contract. It owns the connected cluster's session (demo thread and
 * collector worker) and swaps it when the user picks another context; everything else is
 * answered by the session's worker.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const listeners = new Set<(event: EventEnvelope) => void>();
  const broadcast = (event: EventEnvelope) => {
    for (const listener of listeners) listener(event);
  };
  const openCatalog = () => {
    const sources = kubeconfigSources(options);
    const opened = new ContextCatalog(
      sources.files,
      () => broadcast({ kind: 'event', name: 'contexts', payload: contextsList() }),
      sources.problems,
      { paths: sources.folders, onChange: () => reopenCatalog() },
    );
    opened.watch();
    return opened;
  };
  let catalog = openCatalog();
  const sessionOptions = (): BackendOptions => ({
    ...options,
    kubeconfigPath: [...catalog.files],
    retentionDays: retentionDays(options),
  });
  let session: ClusterSession = await startClusterSession(
    initialTarget(options, catalog),
    sessionOptions(),
    broadcast,
  );
  let switching: Promise<void> | undefined;
  const llm = createLlmExplainer({
    dataDir: options.dataDir,
    secrets: options.secretStore ?? memorySecretStore(),
    ...(options.anthropicBaseUrl === undefined ? {} : { baseUrl: options.anthropicBaseUrl }),
  });

  function contextsList(): ContextsList {
    return {
      contexts: catalog.entries,
      selected: session?.target ?? null,
      problems: catalog.problems,
      files: catalog.readFiles,
    };
  }

  /** The file list changed (Settings, or a file added to a watched folder): read it again. */
  function reopenCatalog(): void {
    catalog.close();
    catalog = openCatalog();
    broadcast({ kind: 'event', name: 'contexts', payload: contextsList() });
  }

  async function settingsView(): Promise<SettingsView> {
    return {
      extraKubeconfigPaths: readSettings(options.dataDir).extraKubeconfigPaths ?? [],
      retentionDays: retentionDays(options),
      kubeconfigFiles: catalog.readFiles,
      problems: catalog.problems,
      llm: await llm.view(),
    };
  }

  /** Saves the change; new files re-read the contexts, a new retention restarts collection. */
  async function updateSettings(change: SettingsUpdate): Promise<SettingsView> {
    const before = retentionDays(options);
    // The LLM part goes to its own store: its API key must never reach settings.json.
    const { llm: llmChange, ...preferences } = change;
    writeSettings(options.dataDir, preferences);
    if (llmChange) await llm.update(llmChange);
    if (change.extraKubeconfigPaths) reopenCatalog();
    if (retentionDays(options) !== before) await serialized(() => select(session.target));
    return settingsView();
  }

  /** Runs context switches and restarts one at a time. */
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const done = (switching ?? Promise.resolve()).then(work);
    switching = done.then(() => undefined).catch(() => undefined);
    return done;
  }

  async function select(target: ContextRef): Promise<ContextsList> {
    const previous = session;
    await previous.stop();
    session = await startClusterSession(target, sessionOptions(), broadcast);
    rememberContext(options.dataDir, target);
    broadcast({ kind: 'event', name: 'contexts', payload: contextsList() });
    return contextsList();
  }

  async function answer(request: ValidRequest): Promise<ReplyEnvelope> {
    if (request.method === 'contexts.list')
      return { kind: 'reply', id: request.id, ok: true, result: contextsList() };
    if (request.method === 'contexts.select') {
      const target = request.params as ContextRef;
      if (!catalog.has(target)) {
        return errorReply(
          request.id,
          contractError(
            'BadRequest',
            `There is no ${target.source} context "${target.name}".`,
            'Pick one of the contexts contexts.list returns.',
          ),
        );
      }
      try {
        return { kind: 'reply', id: request.id, ok: true, result: await serialized(() => select(target)) };
      } catch (error) {
        return errorReply(
          request.id,
          contractError('ClusterError', `Switching to ${target.name} failed: ${String(error)}`),
        );
      }
    }
    if (request.method === 'settings.get')
      return { kind: 'reply', id: request.id, ok: true, result: await settingsView() };
    if (request.method === 'settings.update') {
      const result = await updateSettings(request.params as SettingsUpdate);
      return { kind: 'reply', id: request.id, ok: true, result };
    }
    if (request.method === 'contexts.check') return checkAnswer(request.id, request.params as ContextRef);
    await switching;
    if (request.method === 'scaling.explainWithLlm') {
      // The advice comes from the worker; the key stays here, in the host's process.
      const advice = await session.bridge.request({ ...request, method: 'scaling.advise' });
      if (!advice.ok) return advice;
      const result = await llm.explain(advice.result as ScalingAdviceInfo);
      return { kind: 'reply', id: request.id, ok: true, result };
    }
    return session.bridge.request(request);
  }

  async function checkAnswer(id: ValidRequest['id'], target: ContextRef): Promise<ReplyEnvelope> {
    if (!catalog.has(target)) {
      return errorReply(
        id,
        contractError('BadRequest', `There is no ${target.source} context "${target.name}".`),
      );
    }
    const result =
      target.source === 'demo'
        ? {
            context: target.name,
            reachable: true,
            message: 'The demo cluster runs inside Foresight.',
            tookMs: 0,
          }
        : await checkContext(catalog.files, target.name);
    return { kind: 'reply', id, ok: true, result };
  }

  return {
    get demoUrl() {
      return session.demoUrl;
    },
    get kubeconfigPath() {
      return session.kubeconfigPath;
    },
    async handle(raw: unknown): Promise<ReplyEnvelope> {
      try {
        const validation = validateRequest(raw);
        if (!validation.ok) return errorReply(validation.id, validation.error);
        return await answer(validation.request);
      } catch (error) {
        return errorReply(null, contractError('Internal', `The backend failed: ${String(error)}`));
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      catalog.close();
      listeners.clear();
      await switching;
      await session.stop();
    },
  };
}
