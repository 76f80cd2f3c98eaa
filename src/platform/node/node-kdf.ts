import { scrypt } from "node:crypto";
import { AppError } from "../../core/kernel/errors.ts";
import type { Kdf } from "../../core/accounts/index.ts";

/**
 * scrypt on libuv's thread pool, at most `concurrency` at a time: hashing
 * costs about 0.7 s of CPU per sign-in, so a flood of sign-ins queues here and
 * keeps to one core instead of taking the event loop (pure-JS scrypt) or
 * every core (an unbounded thread pool) from the other requests.
 */
export function nodeKdf(concurrency = 1, maxWaiting = 32): Kdf {
  const limited = limitConcurrency(concurrency, maxWaiting);
  return (password, salt, cost, keyBytes) =>
    limited(
      () =>
        new Promise<Uint8Array>((resolve, reject) =>
          scrypt(password, salt, keyBytes, { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * 1024 * 1024 }, (error, key) =>
            error ? reject(error) : resolve(new Uint8Array(key)),
          ),
        ),
    );
}

/**
 * Runs the tasks handed to it at most `concurrency` at a time, the others
 * waiting in order; past `maxWaiting` waiting, a task is refused at once
 * (429) rather than queued behind seconds of hashing.
 */
export function limitConcurrency(concurrency: number, maxWaiting = Number.POSITIVE_INFINITY): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= concurrency && waiting.length >= maxWaiting)
      throw new AppError("too_many_requests", "Too many sign-ins are being checked right now. Please try again in a minute.");
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next task waiting, if any.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
