import { sql } from "drizzle-orm";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError } from "../kernel/errors.ts";
import type { Db } from "../kernel/ports/store.ts";
import {
  contentSha256,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type RawRow,
  type RawValue,
  type RegisterExport,
  SCHEMA_MIGRATIONS,
  serializeExport,
} from "./export-format.ts";
import { walkFileChain } from "./file-chain.ts";
import { EXPORTED_TABLES, type TableSpec } from "./register-tables.ts";

export interface RegisterExportFile {
  document: RegisterExport;
  /** The file's text (export-format.ts serializeExport). */
  text: string;
}

/** Rows per query: D1 answers at most 50 MB a query, and counts each query against the request. */
const PAGE = 2_000;
/** Reads of a register that keeps changing under them before the export gives up. */
const ATTEMPTS = 5;

/**
 * Exports the whole register. The tables are read one after the other (D1
 * has no read transaction to hold), so they are read again whenever the audit
 * trail or the checkpoints moved meanwhile: every audited change writes an
 * entry, so an unchanged trail means rows and trail belong together. The
 * export itself is then recorded in the audit trail, after what it holds:
 * the file's head is the register's head before that entry.
 */
export async function exportRegister(ctx: Ctx): Promise<RegisterExportFile> {
  const db = ctx.store.db;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const before = await trailMark(db);
    const tables: Record<string, RawRow[]> = {};
    for (const spec of EXPORTED_TABLES) tables[spec.name] = await readTable(db, spec);
    if ((await trailMark(db)) !== before) continue;

    const walked = walkFileChain(tables.audit_entries ?? []);
    const chain = { entries: walked.entries, head: walked.head, pending: walked.pending, broken: walked.broken };
    const exportedAt = ctx.clock.now().toISOString();
    const content = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      schema: { migrations: [...SCHEMA_MIGRATIONS] },
      chain,
      tables,
    } satisfies Omit<RegisterExport, "exportedAt" | "contentSha256">;
    const document: RegisterExport = { ...content, exportedAt, contentSha256: contentSha256(content) };
    const rows = Object.fromEntries(Object.entries(tables).map(([name, list]) => [name, list.length]));
    await ctx.store.atomic([
      auditStatement(
        ctx,
        {
          action: "export",
          entityType: "register_export",
          entityId: ctx.newId(),
          before: null,
          after: {
            format: EXPORT_FORMAT,
            version: EXPORT_VERSION,
            exportedAt,
            chain: { entries: chain.entries, head: chain.head },
            contentSha256: document.contentSha256,
            rows,
          },
        },
        exportedAt,
      ),
    ]);
    return { document, text: serializeExport(document) };
  }
  throw new AppError(
    "conflict",
    `The register changed while it was being read, ${ATTEMPTS} times in a row; try the export again in a quieter moment.`,
  );
}

/** Moves whenever an audit entry is written or linked, or a checkpoint is signed. */
async function trailMark(db: Db): Promise<string> {
  const [row] = await db
    .select({
      seq: sql<number>`(select coalesce(max(seq), 0) from audit_entries)`,
      chained: sql<number>`(select count(*) from audit_entries where hash is not null)`,
      checkpoints: sql<number>`(select count(*) from audit_checkpoints)`,
    })
    .from(sql`(select 1)`);
  return `${row?.seq}:${row?.chained}:${row?.checkpoints}`;
}

async function readTable(db: Db, spec: TableSpec): Promise<RawRow[]> {
  const columns = sql.join(
    spec.columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const order = sql.join(
    spec.orderBy.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const rows: RawRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = (await db.all(sql`select ${columns} from ${spec.table} order by ${order} limit ${PAGE} offset ${offset}`)) as Record<
      string,
      unknown
    >[];
    for (const stored of page) rows.push(Object.fromEntries(spec.columns.map((c) => [c.name, (stored[c.name] ?? null) as RawValue])));
    if (page.length < PAGE) return rows;
  }
}
