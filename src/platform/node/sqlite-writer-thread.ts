// The writer thread's entry (started by sqlite-writer.ts; bundled as its own entry point by
// scripts/build-server.ts): every unit of the service's register is written here, on this thread's
// own connection, by the same group commit as in-process. The event loop of the service never waits
// for SQLite's pages, the audit chain's hashing or the fsync of a commit.
import { parentPort, workerData } from "node:worker_threads";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../../db/schema.ts";
import { AppError } from "../../core/kernel/errors.ts";
import type { Db, Store } from "../../core/kernel/ports/store.ts";
import { groupCommit } from "./group-commit.ts";
import { bulkInsertStatement } from "./sqlite-bulk-insert.ts";
import { openSqlite, SQLITE_MAX_VARIABLES } from "./sqlite-connection.ts";
import { keepStatementsPrepared } from "./sqlite-statement-cache.ts";
import { fromWriteStep } from "./write-steps.ts";
import type { FromWriter, SentError, ToWriter } from "./writer-messages.ts";

const port = parentPort;
if (!port) throw new Error("sqlite-writer-thread.ts runs as a worker thread (see sqlite-writer.ts)");
const { path } = workerData as { path: string };

const sqlite = openSqlite(path);
keepStatementsPrepared(sqlite);
const store: Store = {
  db: drizzle(sqlite, { schema }) as unknown as Db,
  maxBoundParameters: SQLITE_MAX_VARIABLES,
  atomic: () => Promise.reject(new Error("the writer thread takes units from its port")),
  bulkInsert: (table, rows) => [bulkInsertStatement(sqlite, table, rows)],
};
const write = groupCommit(sqlite, store);

/** Outcomes are sent once per turn of this thread's loop: one message for the whole batch. */
let settled: FromWriter["settled"] = [];
const settle = (id: number, error?: unknown) => {
  if (settled.length === 0)
    setImmediate(() => {
      port.postMessage({ settled } satisfies FromWriter);
      settled = [];
    });
  settled.push(error === undefined ? { id } : { id, error: sent(error) });
};

let last: Promise<unknown> = Promise.resolve();
port.on("message", (message: ToWriter) => {
  if ("close" in message) {
    // Messages arrive in order: every unit sent before "close" is in `last`'s batch or an earlier one.
    void last.then(() => {
      sqlite.close();
      Atomics.store(message.close, 0, 1);
      Atomics.notify(message.close, 0);
      port.close();
    });
    return;
  }
  for (const unit of message.units) {
    try {
      last = write(unit.steps.map((step) => fromWriteStep(sqlite, step))).then(
        () => settle(unit.id),
        (error: unknown) => settle(unit.id, error),
      );
    } catch (error) {
      settle(unit.id, error);
    }
  }
});

/** An error as plain data: the register's own errors keep their code and field issues. */
function sent(error: unknown): SentError {
  if (error instanceof AppError) return { app: { code: error.code, message: error.message, issues: error.issues } };
  if (error instanceof Error) return { name: error.name, message: error.message, code: (error as { code?: unknown }).code };
  return { name: "Error", message: String(error) };
}
