import type { ContractHandler, ReplyEnvelope } from '../core/contract/index.ts';
import { contractError, errorReply } from '../core/contract/index.ts';

/**
 * A ContractHandler that stands in for a backend still starting. The window opens at once (the
 * demo cluster takes seconds to come up), so early requests wait for the backend instead of
 * failing; if it never starts, every request gets an 'Unavailable' reply saying why, which the
 * UI can show, rather than hanging or crashing.
 */
export function deferredContractHandler(backend: Promise<ContractHandler>): ContractHandler {
  return {
    async handle(raw: unknown): Promise<ReplyEnvelope> {
      let ready: ContractHandler;
      try {
        ready = await backend;
      } catch (error) {
        return errorReply(
          null,
          contractError(
            'Unavailable',
            `The Foresight backend did not start: ${error instanceof Error ? error.message : String(error)}`,
            'Restart Foresight. If it fails again, start it from a terminal to see the log.',
          ),
        );
      }
      return ready.handle(raw);
    },

    onEvent(listener) {
      let unsubscribe: (() => void) | undefined;
      let cancelled = false;
      backend.then(
        (ready) => {
          if (!cancelled) unsubscribe = ready.onEvent(listener);
        },
        // Startup failure is reported through handle(); there are no events to subscribe to.
        () => undefined,
      );
      return () => {
        cancelled = true;
        unsubscribe?.();
      };
    },
  };
}
