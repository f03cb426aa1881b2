import {
  contractError,
  events,
  methods,
  type ContractTransport,
  type EventName,
  type MethodName,
  type ParamsOf,
  type PayloadOf,
  type ResultOf,
} from '../../../core/contract/index.ts';
import { ApiError } from './apiError.ts';

export interface ApiClient {
  /** Calls a contract method; resolves with its schema-checked result or throws ApiError. */
  call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>>;
  /** Listens to one event; payloads that do not match the contract are dropped. */
  on<E extends EventName>(name: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

/**
 * The typed face of a transport. Results are validated here, not trusted: a backend that drifts
 * from the contract shows up as a clear Internal error instead of a blank screen.
 */
export function createApiClient(transport: ContractTransport): ApiClient {
  let nextId = 1;
  return {
    async call(method, params) {
      const id = nextId++;
      const reply = await transport.request({ kind: 'request', id, method, params });
      if (!reply.ok) throw new ApiError(method, reply.error);
      const checked = methods[method].result.safeParse(reply.result);
      if (!checked.success) {
        const first = checked.error.issues[0];
        const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown issue';
        throw new ApiError(
          method,
          contractError('Internal', `The reply to ${method} does not match the contract (${where}).`),
        );
      }
      // safeParse over the union of method schemas loses the link to M; the schema is M's own.
      return checked.data as ResultOf<typeof method>;
    },
    on(name, listener) {
      return transport.onEvent((envelope) => {
        if (envelope.name !== name || !isEventName(envelope.name)) return;
        const checked = events[name].safeParse(envelope.payload);
        if (checked.success) listener(checked.data as PayloadOf<typeof name>);
        else console.warn(`Foresight: dropped a "${name}" event that does not match the contract`);
      });
    },
  };
}
