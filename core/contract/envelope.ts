import { z } from 'zod';
import { contractErrorSchema, type ContractError } from './errors.ts';
import type { EventName, PayloadOf } from './events.ts';
import type { MethodName, ResultOf } from './methods.ts';

/**
 * The wire format, the same over Electron IPC, the WebSocket and the worker's message port.
 * Requests carry an id chosen by the caller; the reply carries it back.
 */
export const requestEnvelopeSchema = z.object({
  kind: z.literal('request'),
  id: z.union([z.string().min(1).max(100), z.number().int()]),
  method: z.string().min(1).max(200),
  params: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export type RequestId = RequestEnvelope['id'];

export type OkReply<M extends MethodName = MethodName> = {
  kind: 'reply';
  id: RequestId;
  ok: true;
  result: ResultOf<M>;
};
export type ErrorReply = { kind: 'reply'; id: RequestId | null; ok: false; error: ContractError };
export type ReplyEnvelope = OkReply | ErrorReply;

export type EventEnvelope<E extends EventName = EventName> = {
  kind: 'event';
  name: E;
  payload: PayloadOf<E>;
};

export const replyEnvelopeSchema = z.union([
  z.object({
    kind: z.literal('reply'),
    id: z.union([z.string(), z.number()]),
    ok: z.literal(true),
    result: z.unknown(),
  }),
  z.object({
    kind: z.literal('reply'),
    id: z.union([z.string(), z.number(), z.null()]),
    ok: z.literal(false),
    error: contractErrorSchema,
  }),
]);

export const eventEnvelopeSchema = z.object({
  kind: z.literal('event'),
  name: z.string(),
  payload: z.unknown(),
});

export function errorReply(id: RequestId | null, error: ContractError): ErrorReply {
  return { kind: 'reply', id, ok: false, error };
}
