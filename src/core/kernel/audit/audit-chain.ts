import { sha256HexSync } from "../secrets/sha256.ts";
import canonicalize from "canonicalize";
import { and, desc, eq, gt, isNotNull, isNull, max, sql } from "drizzle-orm";
import { auditEntries } from "../../../../db/schema.ts";
import { wellFormedDeep } from "../input/text-rules.ts";
import { preparedOn, type Statement, type Store } from "../ports/store.ts";
import { insertMany } from "../ports/insert-many.ts";

export type AuditRow = typeof auditEntries.$inferInsert;

/**
 * The audit trail is a hash chain: each entry stores the SHA-256 of its
 * canonical content (RFC 8785 JSON of every field, the previous entry's hash
 * included), so editing, inserting, deleting or reordering an entry breaks
 * every hash after it. The first entry links to GENESIS.
 *
 * Use cases put `auditRowsStatement` placeholders in their atomic unit; the
 * store reads the head of the chain, numbers and links the rows in order and
 * writes them with the rest. The primary key on seq makes a unit that raced
 * another writer (both numbered after the same head) fail rather than fork
 * the chain, and the store then links it again to the new head and retries.
 */
export const GENESIS = "0".repeat(64);

const AUDIT_ROWS = Symbol("audit rows");

type Placeholder = { [AUDIT_ROWS]: AuditRow[] };

/** Audit rows to append to the chain within an atomic unit (the store links them). */
export function auditRowsStatement(rows: AuditRow[]): Statement {
  return { [AUDIT_ROWS]: rows } as unknown as Statement;
}

const isPlaceholder = (statement: Statement): statement is Statement & Placeholder => AUDIT_ROWS in (statement as object);

/** The rows of an `auditRowsStatement` placeholder, else undefined (for a store that hands units to another thread). */
export const auditRowsOf = (statement: Statement): AuditRow[] | undefined => (isPlaceholder(statement) ? statement[AUDIT_ROWS] : undefined);

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
  return sha256HexSync(canonicalize(content) ?? "");
}

/** Where the next entry links: the last seq in use and the hash of the last linked entry. */
export interface ChainHead {
  seq: number;
  prevHash: string;
}

type Row = typeof auditEntries.$inferSelect;

/** The three reads behind the head, prepared once per database. */
function headReads(store: Store) {
  return preparedOn(store.db, "audit-chain-head", (db) => ({
    last: db
      .select({ seq: max(auditEntries.seq) })
      .from(auditEntries)
      .prepare(),
    linked: db
      .select({ seq: auditEntries.seq, hash: auditEntries.hash })
      .from(auditEntries)
      .where(isNotNull(auditEntries.hash))
      .orderBy(desc(auditEntries.seq))
      .limit(1)
      .prepare(),
    outside: db
      .select()
      .from(auditEntries)
      .where(and(gt(auditEntries.seq, sql.placeholder("after")), isNull(auditEntries.hash)))
      .orderBy(auditEntries.seq)
      .prepare(),
  }));
}

/**
 * The head of the chain as it is now, with the statements that first link
 * entries written outside the service after the last linked one (SQL made by
 * the CLI for D1): they join the chain with the next write, and `head` is
 * the head after them.
 */
export async function readChainHead(store: Store): Promise<{ head: ChainHead; adopt: Statement[] }> {
  const db = store.db;
  const reads = headReads(store);
  const [last] = (await reads.last.all({})) as { seq: number | null }[];
  const [linked] = (await reads.linked.all({})) as { seq: number; hash: string | null }[];
  let prevHash = linked?.hash ?? GENESIS;
  const outside = (await reads.outside.all({ after: linked?.seq ?? 0 })) as Row[];
  const adopt = outside.map((row) => {
    const hash = entryHash({ ...row, prevHash });
    const statement = db
      .update(auditEntries)
      .set({ prevHash, hash })
      .where(and(eq(auditEntries.seq, row.seq), isNull(auditEntries.hash)));
    prevHash = hash;
    return statement;
  });
  return { head: { seq: last?.seq ?? 0, prevHash }, adopt };
}

/** Whether a unit writes audit rows (and so needs the head of the chain). */
export const writesAudit = (statements: Statement[]): boolean => statements.some(isPlaceholder);

/**
 * The unit's statements with every placeholder replaced by inserts of its
 * rows, numbered and linked after `head`, and the head after them. Nothing
 * is read: the units of one transaction are linked one after another.
 */
export function linkUnit(store: Store, head: ChainHead, statements: Statement[]): { statements: Statement[]; head: ChainHead } {
  let { seq, prevHash } = head;
  const linked = statements.flatMap((statement) => {
    if (!isPlaceholder(statement)) return [statement];
    const rows = statement[AUDIT_ROWS].map((row) => {
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
    return insertMany(store, auditEntries, rows);
  });
  return { statements: linked, head: { seq, prevHash } };
}

/** The unit's statements linked after the chain's current head (one unit per transaction, as on D1). */
export async function linkAuditRows(store: Store, statements: Statement[]): Promise<Statement[]> {
  if (!writesAudit(statements)) return statements;
  const { head, adopt } = await readChainHead(store);
  return [...adopt, ...linkUnit(store, head, statements).statements];
}

/** Whether a failed unit lost a race for the head of the chain (and may be linked again and retried). */
export function lostChainRace(error: unknown): boolean {
  const message = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
  return /UNIQUE constraint failed: audit_entries\.seq/.test(message);
}

/** How often a unit is linked again after losing a race before the conflict is reported. */
export const CHAIN_RETRIES = 20;
