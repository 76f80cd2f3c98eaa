import type { Store } from "./ports/store.ts";

/** Enough for every list page and record a busy client polls; a full generation is simply dropped. */
const MAX_ENTRIES = 2_000;

/**
 * One reader's view of the store's change counters (Store.changeCounters):
 * other connections' commits are looked up once, at first use, and this
 * process's writes at every use. A request reads through one scope, so it sees
 * the register as of its start plus everything written since by this process.
 */
export interface ReadScope {
  readonly store: Store;
  /** Undefined when the store cannot tell (D1): then nothing is remembered. */
  mark(): string | undefined;
}

export function readScope(store: Store): ReadScope {
  const counters = store.changeCounters;
  let others: number | undefined;
  return {
    store,
    mark() {
      if (!counters) return undefined;
      others ??= counters.othersCommits();
      return `${counters.ownWrites()}:${others}`;
    },
  };
}

interface Generation {
  mark: string;
  values: Map<string, unknown>;
}

const generations = new WeakMap<Store, Generation>();

/**
 * A read remembered until the register may have changed: `compute()` runs
 * once per `key` while the change mark holds, and again after any commit, by
 * this process or another. A value computed while a write landed is kept
 * under the mark read before it, so the next reader recomputes it: nothing
 * older than a reader's start is ever served, and a revoked token fails on
 * its next use. Only for values that depend on nothing but the register and
 * `key` (not on the time of day); errors are not remembered.
 */
export async function rememberedUntilChange<V>(scope: ReadScope, key: string, compute: () => Promise<V>): Promise<V> {
  const mark = scope.mark();
  if (mark === undefined) return compute();
  let generation = generations.get(scope.store);
  if (generation?.mark !== mark) {
    generation = { mark, values: new Map() };
    generations.set(scope.store, generation);
  }
  if (generation.values.has(key)) return generation.values.get(key) as V;
  const value = await compute();
  if (generation.values.size >= MAX_ENTRIES) generation.values.clear();
  generation.values.set(key, value);
  return value;
}
