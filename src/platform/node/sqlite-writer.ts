import { Worker } from "node:worker_threads";
import { AppError } from "../../core/kernel/errors.ts";
import type { Statement } from "../../core/kernel/ports/store.ts";
import { toWriteStep, type WriteStep } from "./write-steps.ts";
import type { FromWriter, SentError, ToWriter } from "./writer-messages.ts";

/** How long close() waits for the writer to finish its last batch and close its connection. */
const CLOSE_WAIT_MS = 10_000;

export interface WriterThread {
  /** Hands the unit to the writer thread; resolves once it has committed, or rejects as in-process writes do. */
  write(statements: Statement[]): Promise<void>;
  /** How many batches the writer has answered: moves after every commit of this process. */
  commits(): number;
  /** Waits (blocking, at most CLOSE_WAIT_MS) for the units already sent, then stops the thread. */
  close(): void;
}

/**
 * The service's writes, on a thread of their own (sqlite-writer-thread.ts at
 * `entry`). Only the unit's statements cross, as plain data (write-steps.ts);
 * the thread links the audit rows, commits with synchronous=FULL and answers
 * once the commit is durable. Meanwhile this thread goes on serving requests,
 * and the units that arrive while one batch is being written form the next.
 * Reads stay on the caller's connection: WAL lets them run while the writer
 * commits, and a reader sees every unit whose write has resolved.
 */
export function startWriterThread(path: string, entry: URL): WriterThread {
  const waiting = new Map<number, { resolve(): void; reject(error: unknown): void }>();
  let nextId = 1;
  let answered = 0;
  let worker: Worker | undefined;
  let closed = false;
  /** Units handed over during this turn of the event loop: sent together, in one message. */
  let outgoing: Array<{ id: number; steps: WriteStep[] }> = [];

  const failWaiting = (error: unknown) => {
    for (const unit of waiting.values()) unit.reject(error);
    waiting.clear();
  };
  const spawn = () => {
    const thread = new Worker(entry, { workerData: { path } });
    thread.on("message", (message: FromWriter) => {
      answered++;
      for (const { id, error } of message.settled) {
        const unit = waiting.get(id);
        waiting.delete(id);
        if (error === undefined) unit?.resolve();
        else unit?.reject(revived(error));
      }
      // An idle writer does not keep the process alive; one with units in flight does.
      if (waiting.size === 0) thread.unref();
    });
    thread.on("error", (error) => {
      if (worker === thread) worker = undefined;
      failWaiting(error);
    });
    thread.on("exit", (code) => {
      if (worker === thread) worker = undefined;
      // A unit still waiting may or may not have committed: its caller is told it failed, as after a crash.
      failWaiting(new Error(`the SQLite writer thread stopped (exit code ${code}) before answering`));
    });
    return thread;
  };

  const flush = () => {
    if (outgoing.length === 0) return;
    worker?.postMessage({ units: outgoing } satisfies ToWriter);
    outgoing = [];
  };

  return {
    write(statements) {
      if (closed) return Promise.reject(new Error("the SQLite store is closed"));
      let unit: { id: number; steps: WriteStep[] };
      try {
        unit = { id: nextId++, steps: statements.map(toWriteStep) };
      } catch (error) {
        return Promise.reject(error);
      }
      worker ??= spawn();
      const thread = worker;
      return new Promise<void>((resolve, reject) => {
        waiting.set(unit.id, { resolve, reject });
        outgoing.push(unit);
        if (outgoing.length > 1) return;
        thread.ref();
        setImmediate(flush);
      });
    },
    commits: () => answered,
    close() {
      flush();
      closed = true;
      const thread = worker;
      worker = undefined;
      if (!thread) return;
      const done = new Int32Array(new SharedArrayBuffer(4));
      thread.postMessage({ close: done } satisfies ToWriter);
      Atomics.wait(done, 0, 0, CLOSE_WAIT_MS);
      void thread.terminate();
    },
  };
}

function revived(error: SentError): Error {
  if ("app" in error) return new AppError(error.app.code, error.app.message, error.app.issues);
  return Object.assign(new Error(error.message), { name: error.name, code: error.code });
}
