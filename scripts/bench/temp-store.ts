// A benchmark's register: a file database (production pragmas) in its own temporary folder, removed afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";

export const freshStore = (prefix: string): SqliteStore => createSqliteStore(join(mkdtempSync(join(tmpdir(), prefix)), "register.db"));

export const dispose = (store: SqliteStore) => {
  const file = store.sqlite.name;
  store.close();
  rmSync(dirname(file), { recursive: true, force: true });
};
