import { ServerResponse } from "node:http";

/**
 * Answers to reads finished in one turn of the event loop are written to
 * their sockets together, at the end of that turn (setImmediate runs right
 * after the poll phase that read their requests).
 *
 * Why: each socket write on the loopback or a local network wakes the reader
 * on the other side (a reverse proxy, a load balancer, a client on the same
 * host). Written one by one between the handling of the next requests, every
 * answer pays that wake-up, which on a small virtual machine costs about as
 * much as serving a remembered read; written together, the reader takes the
 * whole turn's answers in one wake-up. Measured on the 2-core machine of the
 * benchmarks: one activity served at 0.58-0.63x of bare Hono's requests per
 * second instead of 0.44-0.46x, the two builds loaded in alternation on the
 * same register (README, Performance).
 *
 * An answer waits at most for the rest of its turn; a single request is
 * written as soon as the poll phase that read it is over. Writes before
 * `end` (a streamed PDF's chunks) go out as they come; only the last piece
 * and the end of the answer wait. Node's own `end` fully uncorks the socket,
 * so corking from outside cannot do this: the end itself is deferred.
 */
export class TurnBatchedResponse extends ServerResponse {
  // The three overloads of end(), one implementation: the arguments are handed on as they came.
  override end(...args: unknown[]): this {
    const end = super.end.bind(this) as (...a: unknown[]) => unknown;
    if (READS.has(this.req.method ?? "")) endAtTurnEnd(() => end(...args), this);
    else end(...args);
    return this;
  }
}

/**
 * Only answers to reads wait: each is finished in the callback that read its request, one socket
 * after the other. Answers to writes are finished together already, when the writer thread's
 * message says their batch committed (platform/node/sqlite-writer.ts); making them wait as well
 * only delayed them (audited creates 7-10% slower, measured in alternation).
 */
const READS = new Set(["GET", "HEAD"]);

let waiting: { end: () => void; response: ServerResponse }[] = [];

function endAtTurnEnd(end: () => void, response: ServerResponse): void {
  if (waiting.push({ end, response }) === 1) setImmediate(endAll);
}

function endAll(): void {
  const ends = waiting;
  waiting = [];
  for (const { end, response } of ends) {
    try {
      end();
    } catch (error) {
      // Node refuses some ends at once (a body of the wrong type): the caller can no longer hear it,
      // so it is logged and the connection closed, as @hono/node-server does with a failed answer.
      console.error(error);
      response.destroy(error as Error);
    }
  }
}

/** Node's http.createServer options that make a server answer this way. */
export const turnBatchedAnswers = { ServerResponse: TurnBatchedResponse as typeof ServerResponse };
