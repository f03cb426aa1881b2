import type { WebSocket } from 'ws';
import { contractError, errorReply, type ContractHandler } from '../contract/index.ts';

/** Largest message a client may send; contract requests are small. */
export const maxMessageBytes = 1024 * 1024;

/**
 * Serves the contract on one WebSocket: each text message is a request envelope, answered by
 * a reply with the same id; events are pushed as they come. Bad JSON gets a typed error reply.
 */
export function serveContract(socket: WebSocket, handler: ContractHandler): void {
  const unsubscribe = handler.onEvent((event) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.send(
        JSON.stringify(
          errorReply(null, contractError('BadRequest', 'Binary messages are not part of the contract.')),
        ),
      );
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      socket.send(
        JSON.stringify(errorReply(null, contractError('BadRequest', 'The message is not valid JSON.'))),
      );
      return;
    }
    void handler.handle(raw).then((reply) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
    });
  });
  socket.on('close', unsubscribe);
  socket.on('error', unsubscribe);
}
