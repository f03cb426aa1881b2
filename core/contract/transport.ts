import type { EventEnvelope, ReplyEnvelope } from './envelope.ts';

/**
 * What a host offers the UI: send a request envelope, get the reply; subscribe to events.
 * Electron's preload, the WebSocket client and tests all implement this one shape.
 */
export interface ContractTransport {
  request(envelope: unknown): Promise<ReplyEnvelope>;
  onEvent(listener: (event: EventEnvelope) => void): () => void;
}

/** The backend side, as a host sees it: handle raw input, push events. */
export interface ContractHandler {
  handle(raw: unknown): Promise<ReplyEnvelope>;
  onEvent(listener: (event: EventEnvelope) => void): () => void;
}
