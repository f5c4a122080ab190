// A cap on the connections one process holds open. Each may hold what its client is sending and
// what it is owed, so without a cap enough clients exhaust memory however small each request is.
// A connection over the cap is answered 503 `server_busy`, with Retry-After, in the API's JSON
// shape, and closed; a request it sends never reaches the app. Counted here rather than with
// Node's server.maxConnections, which closes the socket without a word and, under `npm start`'s
// cluster, has the primary hand a refused connection to the next worker, round and round while
// every worker is full.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { rawErrorReply } from "./client-errors.ts";

// What a refused client is told to wait. Set by hand: connections free up as requests end (a
// page takes milliseconds, the longest its budget of 5 s) and idle ones are closed after 60 s.
const RETRY_AFTER_S = 1;
// A refused connection is destroyed this long after its answer if the client has not closed it:
// long enough to read the answer (closing at once, with the client's request unread, would reset
// the connection and could lose it). Set by hand.
const LINGER_MS = 2_000;

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Caps `server`'s open connections at `max`. Returns the request listener to serve with: `listener`
 * for connections within the cap, nothing for the refused ones (their answer is already sent).
 */
export function capConnections(server: Server, max: number, listener: RequestListener): RequestListener {
  let open = 0;
  const refused = new WeakSet<Socket>();
  // Before the HTTP server's own listener, so a refused socket is never counted.
  server.prependListener("connection", (socket: Socket) => {
    if (open < max) {
      open++;
      socket.once("close", () => open--);
      return;
    }
    refused.add(socket);
    const message = `the server has ${max} connections open, its most: retry in ${RETRY_AFTER_S} s`;
    socket.end(rawErrorReply(503, "Service Unavailable", "server_busy", message, `retry-after: ${RETRY_AFTER_S}\r\n`));
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    linger.unref();
    socket.once("close", () => clearTimeout(linger));
  });
  return (req, res) => {
    if (!refused.has(req.socket)) listener(req, res);
  };
}
