import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import canonicalize from "canonicalize";
import { and, desc, eq, gt, isNotNull, isNull, max } from "drizzle-orm";
import { auditEntries } from "../../../../db/schema.ts";
import { wellFormedDeep } from "../input/text-rules.ts";
import type { Statement, Store } from "../ports/store.ts";
import { insertMany } from "../ports/insert-many.ts";

export type AuditRow = typeof auditEntries.$inferInsert;

/**
 * The audit trail is a hash chain: each entry stores the SHA-256 of its
 * canonical content (RFC 8785 JSON of every field, the previous entry's hash
 * included), so editing, inserting, deleting or reordering an entry breaks
 * every hash after it. The first entry links to GENESIS.
 *
 * Use cases put `auditRowsStatement` placeholders in their atomic unit; the
 * store reads the head of the chain, links the rows in order and writes them
 * with the rest. A unique index on prev_hash (and seq, the primary key) makes
 * a unit that raced another writer fail rather than fork the chain, and the
 * store then links it again to the new head and retries.
 */
export const GENESIS = "0".repeat(64);

const AUDIT_ROWS = Symbol("audit rows");

type Placeholder = { [AUDIT_ROWS]: AuditRow[] };

/** Audit rows to append to the chain within an atomic unit (the store links them). */
export function auditRowsStatement(rows: AuditRow[]): Statement {
  return { [AUDIT_ROWS]: rows } as unknown as Statement;
}

const isPlaceholder = (statement: Statement): statement is Statement & Placeholder => AUDIT_ROWS in (statement as object);

/** What an entry's hash covers: every field, as stored. */
export type ChainedFields = Omit<Required<AuditRow>, "hash">;

/** The hash of an entry's canonical content. Text stored before the text rule is hashed as documents show it (U+FFFD). */
export function entryHash(entry: ChainedFields): string {
  const content = wellFormedDeep({
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
    prevHash: entry.prevHash,
  });
  return bytesToHex(sha256(utf8ToBytes(canonicalize(content) ?? "")));
}

/**
 * The unit's statements with every placeholder replaced by inserts of its
 * rows, numbered and linked after the chain's current head.
 */
export async function linkAuditRows(store: Store, statements: Statement[]): Promise<Statement[]> {
  if (!statements.some(isPlaceholder)) return statements;
  const db = store.db;
  const [last] = await db.select({ seq: max(auditEntries.seq) }).from(auditEntries);
  const [head] = await db
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .where(isNotNull(auditEntries.hash))
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS;
  // Entries written outside the service after the head (SQL made by the CLI for D1) join the chain with the next write.
  const outside = await db
    .select()
    .from(auditEntries)
    .where(and(gt(auditEntries.seq, head?.seq ?? 0), isNull(auditEntries.hash)))
    .orderBy(auditEntries.seq);
  const adopted = outside.map((row) => {
    const hash = entryHash({ ...row, prevHash });
    const statement = db
      .update(auditEntries)
      .set({ prevHash, hash })
      .where(and(eq(auditEntries.seq, row.seq), isNull(auditEntries.hash)));
    prevHash = hash;
    return statement;
  });
  return [
    ...adopted,
    ...statements.flatMap((statement) => {
      if (!isPlaceholder(statement)) return [statement];
      const linked = statement[AUDIT_ROWS].map((row) => {
        seq += 1;
        const fields: ChainedFields = {
          ...row,
          seq,
          before: row.before ?? null,
          after: row.after ?? null,
          reason: row.reason ?? null,
          prevHash,
        };
        const hash = entryHash(fields);
        prevHash = hash;
        return { ...fields, hash };
      });
      return insertMany(store, auditEntries, linked);
    }),
  ];
}

/** Whether a failed unit lost a race for the head of the chain (and may be linked again and retried). */
export function lostChainRace(error: unknown): boolean {
  const message = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
  return /UNIQUE constraint failed: audit_entries\.(prev_hash|seq)/.test(message);
}

/** How often a unit is linked again after losing a race before the conflict is reported. */
export const CHAIN_RETRIES = 20;

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

/** Rows read per query while walking, so a long trail never sits in memory whole. */
const WALK_PAGE = 2_000;

/**
 * Walks the chain from the start: each entry must link to the previous
 * entry's hash and hash to what it stores. The first entry that does not is
 * reported; every later one depends on it. An entry outside the chain that
 * sits before a chained one was put there by hand, after the fact.
 */
export async function walkChain(store: Store): Promise<ChainReport> {
  let head = GENESIS;
  const positions: ChainReport["positions"] = [];
  const unchained: number[] = [];
  const report = (broken: ChainReport["broken"]): ChainReport => ({ entries: positions.length, head, unchained, broken, positions });
  for (let after = 0; ; ) {
    const rows = await store.db.select().from(auditEntries).where(gt(auditEntries.seq, after)).orderBy(auditEntries.seq).limit(WALK_PAGE);
    for (const row of rows) {
      if (row.hash === null && row.prevHash === null) {
        unchained.push(row.seq);
        continue;
      }
      const outside = unchained.at(-1);
      if (outside !== undefined) {
        return report({
          seq: outside,
          problem: "it is not in the chain, yet chained entries follow it: it was inserted after they were written",
        });
      }
      if (row.prevHash !== head) {
        return report({
          seq: row.seq,
          problem: `it links to ${row.prevHash?.slice(0, 12)}…, but the entry before it in the chain hashes to ${head.slice(0, 12)}…: an entry before it was removed, inserted or reordered`,
        });
      }
      if (entryHash({ ...row, prevHash: row.prevHash }) !== row.hash) {
        return report({ seq: row.seq, problem: "its content does not hash to the hash it stores: it was changed after it was written" });
      }
      head = row.hash;
      positions.push({ hash: row.hash, seq: row.seq });
    }
    if (rows.length < WALK_PAGE) return report(null);
    after = rows.at(-1)?.seq ?? after;
  }
}
