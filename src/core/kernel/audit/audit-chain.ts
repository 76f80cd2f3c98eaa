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
