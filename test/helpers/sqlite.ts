import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";

/** A fresh, migrated in-memory database: no test sees another's data. */
export const memoryStore = () => createSqliteStore(":memory:");
