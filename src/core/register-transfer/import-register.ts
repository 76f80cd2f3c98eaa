import { sql } from "drizzle-orm";
import { apiTokens, auditEntries, sessions, users } from "../../../db/schema.ts";
import { type VerificationReport, verifyRegister } from "../evidence/index.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError } from "../kernel/errors.ts";
import type { Statement, Store } from "../kernel/ports/store.ts";
import { clearGuards, guardCount } from "../kernel/write-guard.ts";
import { type CheckedExport, checkExport } from "./check-export.ts";
import type { RawRow } from "./export-format.ts";
import { EXPORTED_TABLES, type TableSpec } from "./register-tables.ts";

export interface ImportOptions {
  /** Public keys (base64url) whose checkpoints this service trusts: the file's checkpoints must be signed with one. */
  trustedKeys: readonly string[];
  /**
   * An empty in-memory register to import into first (Node): the whole
   * verification, rows against their trail included, then runs before the
   * real database is touched. Without one (D1), the file's chain and
   * checkpoints are checked first and the rest right after the import.
   */
  scratch?: () => Store & { close(): void };
}

export interface ImportResult {
  rows: Record<string, number>;
  chain: { entries: number; head: string };
  verification: VerificationReport;
}

/**
 * What an empty register may hold: the first admin's credentials made with
 * `./dev cli token sql` or `user sql` for a D1 database, whose audit entries
 * stay outside the chain. The import replaces them with the file's users and
 * tokens, so an operator can post the file with such a token.
 */
const BOOTSTRAP_TABLES = new Set(["audit_entries", "api_tokens", "users"]);
const notBootstrapEntries = sql`(select count(*) from audit_entries where not (hash is null and prev_hash is null and action = 'create' and entity_type in ('api_token', 'user')))`;
const registerRows = sql`(select ${sql.join(
  EXPORTED_TABLES.filter((t) => !BOOTSTRAP_TABLES.has(t.name)).map((t) => sql`(select count(*) from ${t.table})`),
  sql` + `,
)})`;

/**
 * Imports a register export into an empty register, or refuses, writing
 * nothing. Every row goes in as the file holds it (audit entries with their
 * seq and hashes, JSON as its stored text) in one atomic unit that holds only
 * while the register is still empty. No audit entry is added for the import:
 * it would move the head away from the one the file (and its checkpoints)
 * vouch for.
 */
export async function importRegister(ctx: Ctx, raw: unknown, options: ImportOptions): Promise<ImportResult> {
  const checked = await checkExport(raw, options.trustedKeys);
  await requireEmpty(ctx.store);
  if (options.scratch) await verifyInScratch(ctx, checked, options.scratch, options.trustedKeys);
  await writeImport(ctx.store, checked);
  const verification = await verifyRegister(ctx, { trigger: "import", trustedKeys: options.trustedKeys });
  return { rows: checked.rows, chain: { entries: checked.chain.entries, head: checked.chain.head }, verification };
}

/** The import's one atomic unit; a constraint the rows break (a duplicate, a dangling reference) refuses the file. */
async function writeImport(store: Store, checked: CheckedExport): Promise<void> {
  try {
    await store.atomic(importStatements(store, checked));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "conflict") throw error;
    // A guard failed because someone wrote meanwhile: say so rather than blame the file.
    await requireEmpty(store);
    throw new AppError("validation", `The register export's rows do not fit together (${error.message}); nothing was imported.`);
  }
}

async function verifyInScratch(
  ctx: Ctx,
  checked: CheckedExport,
  makeScratch: NonNullable<ImportOptions["scratch"]>,
  trustedKeys: readonly string[],
): Promise<void> {
  const scratch = makeScratch();
  try {
    await writeImport(scratch, checked);
    const report = await verifyRegister(
      { store: scratch, clock: ctx.clock, newId: ctx.newId },
      { trigger: "import", trustedKeys, record: false },
    );
    if (!report.ok) {
      throw new AppError(
        "validation",
        `The register in the export does not verify: ${report.problems[0]?.message}. Nothing was imported.`,
        report.problems.slice(0, 20).map((p) => ({ path: p.subject ?? (p.seq === null ? p.check : `seq ${p.seq}`), message: p.message })),
      );
    }
  } finally {
    scratch.close();
  }
}

/** Refuses, naming what is there, unless the register is empty (first-admin credentials aside). */
async function requireEmpty(store: Store): Promise<void> {
  const held: string[] = [];
  const [entries] = await store.db.select({ n: sql<number>`${notBootstrapEntries}` }).from(sql`(select 1)`);
  if (Number(entries?.n ?? 0) > 0) held.push(`${entries?.n} audit entries`);
  for (const spec of EXPORTED_TABLES) {
    if (BOOTSTRAP_TABLES.has(spec.name)) continue;
    const [row] = await store.db.select({ n: sql<number>`count(*)` }).from(spec.table);
    if (Number(row?.n ?? 0) > 0) held.push(`${row?.n} rows of ${spec.name}`);
  }
  if (held.length > 0) {
    throw new AppError(
      "conflict",
      `The register is not empty (it holds ${held.slice(0, 4).join(", ")}${held.length > 4 ? ", …" : ""}): an export is only imported into an empty register, so nothing was imported. Import into a new database.`,
    );
  }
}

/**
 * The import as one atomic unit: guards that fail the unit unless the
 * register is still empty, the first-admin credentials removed, then every
 * table's rows in foreign-key order, in multi-row inserts within the store's
 * bound-parameter limit (100 on D1).
 */
function importStatements(store: Store, checked: CheckedExport): Statement[] {
  const db = store.db;
  const statements: Statement[] = [
    guardCount(db, notBootstrapEntries, 0),
    guardCount(db, registerRows, 0),
    db.delete(sessions),
    db.delete(apiTokens),
    db.delete(users),
    db.delete(auditEntries),
  ];
  for (const spec of EXPORTED_TABLES) {
    const rows = insertionOrder(spec, checked.document.tables[spec.name] ?? []);
    const perStatement = Math.max(1, Math.floor(store.maxBoundParameters / spec.columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      // Each value bound as stored: the column's own encoding (JSON.stringify for JSON columns) would change the bytes.
      const values = rows
        .slice(start, start + perStatement)
        .map((row) => Object.fromEntries(spec.columns.map((c) => [c.key, sql`${row[c.name] ?? null}`])));
      statements.push(db.insert(spec.table).values(values as never));
    }
  }
  statements.push(clearGuards(db));
  return statements;
}

/** Rows of a table that refers to itself with parents first; others as they are. */
function insertionOrder(spec: TableSpec, rows: RawRow[]): RawRow[] {
  const self = spec.selfReference;
  if (!self) return rows;
  const byKey = new Map(rows.map((row) => [row[self.target], row]));
  const placed = new Set<RawRow>();
  const ordered: RawRow[] = [];
  const place = (row: RawRow, depth: number) => {
    if (placed.has(row) || depth > rows.length) return;
    const parent = row[self.column] === null ? undefined : byKey.get(row[self.column] ?? null);
    if (parent && parent !== row) place(parent, depth + 1);
    placed.add(row);
    ordered.push(row);
  };
  for (const row of rows) place(row, 0);
  return ordered;
}
