import type { Store } from "./store.ts";

/**
 * An empty register of the same schema, in memory, thrown away after use.
 * Imports run their use cases against one (loaded with a copy of the
 * register) to check every row with the register's own rules before anything
 * is written to the real store. The Node entry makes them with better-sqlite3.
 */
export interface ScratchStore extends Store {
  close(): void;
}

export type ScratchStoreFactory = () => ScratchStore;
