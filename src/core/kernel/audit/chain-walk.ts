import { gt } from "drizzle-orm";
import { auditEntries } from "../../../../db/schema.ts";
import type { Store } from "../ports/store.ts";
import { type ChainedFields, entryHash, GENESIS } from "./audit-chain.ts";

/** An audit entry as the chain sees it, read from the database or from an export file. */
export type ChainEntry = ChainedFields & { hash: string | null };

export interface ChainReport {
  /** Entries in the chain (those with a hash). */
  entries: number;
  /** The hash of the newest entry, GENESIS for an empty chain. */
  head: string;
  /** Entries written outside the chain (SQL made by the CLI for D1) and not linked yet, by seq. */
  unchained: number[];
  /** The first entry that does not hold, and what is wrong with it; null when every one does. */
  broken: { seq: number; problem: string } | null;
  /** The hash and seq of the entry at each chain position (position 1 is index 0), up to the first broken one. */
  positions: { hash: string; seq: number }[];
}

/**
 * Walks the chain from the start, one entry at a time in seq order: each
 * entry must link to the previous entry's hash and hash to what it stores.
 * The first entry that does not is reported and ends the walk; every later
 * one depends on it. An entry outside the chain that sits before a chained
 * one was put there by hand, after the fact. The same walk serves the
 * database (read in pages) and an export file (in memory).
 */
export function chainWalk() {
  let head = GENESIS;
  let broken: ChainReport["broken"] = null;
  const positions: ChainReport["positions"] = [];
  const unchained: number[] = [];
  return {
    /** Takes the next entry; false once the chain is broken (further entries are not looked at). */
    step(entry: ChainEntry): boolean {
      if (broken) return false;
      if (entry.hash === null && entry.prevHash === null) {
        unchained.push(entry.seq);
        return true;
      }
      const outside = unchained.at(-1);
      if (outside !== undefined) {
        broken = {
          seq: outside,
          problem: "it is not in the chain, yet chained entries follow it: it was inserted after they were written",
        };
      } else if (entry.prevHash !== head) {
        broken = {
          seq: entry.seq,
          problem: `it links to ${entry.prevHash?.slice(0, 12)}…, but the entry before it in the chain hashes to ${head.slice(0, 12)}…: an entry before it was removed, inserted or reordered`,
        };
      } else if (entryHash(entry) !== entry.hash) {
        broken = { seq: entry.seq, problem: "its content does not hash to the hash it stores: it was changed after it was written" };
      } else {
        head = entry.hash;
        positions.push({ hash: entry.hash, seq: entry.seq });
      }
      return broken === null;
    },
    report: (): ChainReport => ({ entries: positions.length, head, unchained, broken, positions }),
  };
}

/** Rows read per query while walking. */
const WALK_PAGE = 2_000;

/** Walks the chain in the database (chain-walk.ts), read in pages so a long trail never sits in memory whole. */
export async function walkChain(store: Store): Promise<ChainReport> {
  const walk = chainWalk();
  for (let after = 0; ; ) {
    const rows = await store.db.select().from(auditEntries).where(gt(auditEntries.seq, after)).orderBy(auditEntries.seq).limit(WALK_PAGE);
    for (const row of rows) if (!walk.step(row)) return walk.report();
    if (rows.length < WALK_PAGE) return walk.report();
    after = rows.at(-1)?.seq ?? after;
  }
}
