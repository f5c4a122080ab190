// A cap on the connections one process holds open. Each may hold what its client is sending and
// what it is owed, so without a cap enough clients exhaust memory however small each request is.
// At the cap, a new connection takes the place of the one idle longest (no request being read or
// answered: between keep-alive requests, or not yet through its first request's headers), which is
// closed, if it has been idle at least EVICT_IDLE_MS; else the new one is answered 503
// `server_busy`, with Retry-After, in the API's JSON shape, and closed, and a request it sends
// never reaches the app. So connections that only sit open (a pool's spares, or a client opening
// sockets to fill the cap) never lock others out. Counted here rather than with Node's
// server.maxConnections, which closes the socket without a word and, under `npm start`'s cluster,
// has the primary hand a refused connection to the next worker, round and round while every worker
// is full. Under the cluster each worker has its own cap: one full of requests in progress refuses
// a connection handed to it even while another has room.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { rawErrorReply } from "./client-errors.ts";

// What a refused client is told to wait. Set by hand: a request in progress ends within its
// budget (5 s by default) or the request timeout (30 s), most within milliseconds.
const RETRY_AFTER_S = 1;
// A refused connection is destroyed this long after its answer if the client has not closed it:
// long enough to read the answer (closing at once, with the client's request unread, would reset
// the connection and could lose it). Set by hand.
const LINGER_MS = 2_000;
// A connection idle for less than this is not closed to make room: a keep-alive client may be
// sending its next request that moment, and would lose it to a reset (a 503 tells it to retry).
// Set by hand: longer than a client's pause between requests it has queued, short enough that
// connections left open by a pool or an attacker give way within seconds.
export const EVICT_IDLE_MS = 2_000;

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Caps `server`'s open connections at `max`. Returns the request listener to serve with: `listener`
 * for the connections within the cap, and for the refused ones nothing but reading what they send
 * (their answer is already sent).
 */
export function capConnections(server: Server, max: number, listener: RequestListener): RequestListener {
  // Requests in progress per open connection; `idle` holds those with none and since when, the
  // longest idle first.
  const open = new Map<Socket, number>();
  const idle = new Map<Socket, number>();
  const refused = new WeakSet<Socket>();
  const close = (socket: Socket) => {
    open.delete(socket);
    idle.delete(socket);
  };
  // Before the HTTP server's own listener, so a refused socket is never counted.
  server.prependListener("connection", (socket: Socket) => {
    if (open.size >= max) {
      const oldest = idle.entries().next().value;
      if (oldest === undefined || performance.now() - oldest[1] < EVICT_IDLE_MS) return refuse(socket, max, refused);
      close(oldest[0]);
      oldest[0].destroy();
    }
    open.set(socket, 0);
    idle.set(socket, performance.now());
    socket.once("close", () => close(socket));
  });
  return (req, res) => {
    const socket = req.socket;
    if (refused.has(socket)) {
      // Read the body so the client can finish sending it and read its 503.
      req.resume();
      return;
    }
    const inProgress = open.get(socket);
    if (inProgress !== undefined) {
      open.set(socket, inProgress + 1);
      idle.delete(socket);
      res.once("close", () => {
        const left = open.get(socket);
        if (left === undefined) return;
        open.set(socket, left - 1);
        // Idle again: the last in line to be closed for a new connection.
        if (left === 1 && !socket.destroyed) idle.set(socket, performance.now());
      });
    }
    listener(req, res);
  };
}

/** Answers 503 server_busy on `socket` and closes it once the client has read it (or after LINGER_MS). */
function refuse(socket: Socket, max: number, refused: WeakSet<Socket>): void {
  refused.add(socket);
  const message = `the server has ${max} connections open, its most, and none idle long enough to make room: retry in ${RETRY_AFTER_S} s`;
  socket.end(rawErrorReply(503, "Service Unavailable", "server_busy", message, `retry-after: ${RETRY_AFTER_S}\r\n`));
  const linger = setTimeout(() => socket.destroy(), LINGER_MS);
  linger.unref();
  socket.once("close", () => clearTimeout(linger));
}
