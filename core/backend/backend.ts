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
  type ValidRequest,
} from '../contract/index.ts';
import { ContextCatalog } from './context-catalog.ts';
import { startClusterSession, type ClusterSession } from './cluster-session.ts';
import type { BackendOptions } from './options.ts';
import { readSettings, rememberContext } from './settings.ts';

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
  const catalog = new ContextCatalog(kubeconfigList(options), () =>
    broadcast({ kind: 'event', name: 'contexts', payload: contextsList() }),
  );
  catalog.watch();
  let session: ClusterSession = await startClusterSession(
    initialTarget(options, catalog),
    options,
    broadcast,
  );
  let switching: Promise<void> | undefined;

  function contextsList(): ContextsList {
    return {
      contexts: catalog.entries,
      selected: session?.target ?? null,
      problems: catalog.problems,
      files: catalog.readFiles,
    };
  }

  async function select(target: ContextRef): Promise<ContextsList> {
    const previous = session;
    await previous.stop();
    session = await startClusterSession(
      target,
      { ...options, kubeconfigPath: kubeconfigList(options) },
      broadcast,
    );
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
      const done = (switching ?? Promise.resolve()).then(() => select(target));
      switching = done.then(() => undefined).catch(() => undefined);
      try {
        return { kind: 'reply', id: request.id, ok: true, result: await done };
      } catch (error) {
        return errorReply(
          request.id,
          contractError('ClusterError', `Switching to ${target.name} failed: ${String(error)}`),
        );
      }
    }
    await switching;
    return session.bridge.request(request);
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
