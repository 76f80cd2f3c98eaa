// Grows the benchmark's register to 10k or 50k agreements quickly: the template customer and
// agreement (with their history) are cloned, their rows with new ids, and their audit entries
// re-linked into the hash chain exactly as the store links them (entryHash, prevHash), so the
// trail stays verifiable.
import { v7 as uuidv7 } from "uuid";
import { entryHash } from "../../src/core/kernel/audit/audit-chain.ts";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { type BenchRegister, countAudit, MARK } from "./register.ts";

type Row = Record<string, unknown>;
type Template = { templateRows: { table: string; rows: Row[] }[]; audit: Row[] };
const templates = new WeakMap<BenchRegister, Template>();

function captureTemplate(sqlite: SqliteStore["sqlite"], ids: string[]): Template {
  const tables = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string }[]
  )
    .map((x) => x.name)
    // The search index (search_*) is not cloned: its triggers index every cloned row as it is inserted.
    .filter(
      (name) => name !== "audit_entries" && !name.startsWith("sqlite_") && !name.startsWith("__drizzle") && !name.startsWith("search_"),
    );
  const templateRows: { table: string; rows: Row[] }[] = [];
  for (const table of tables) {
    const rows = (sqlite.prepare(`SELECT * FROM "${table}"`).all() as Row[]).filter((row) => {
      const text = JSON.stringify(row);
      return ids.some((id) => text.includes(id));
    });
    if (rows.length > 0) templateRows.push({ table, rows });
  }
  // Parents before the rows that refer to them (foreign keys are enforced).
  const order = (table: string) => ["customers", "agreements"].indexOf(table) >>> 0;
  templateRows.sort((a, b) => order(a.table) - order(b.table));
  const audit = sqlite
    .prepare("SELECT * FROM audit_entries WHERE entity_id IN (?, ?) AND action IN ('create', 'update', 'correct') ORDER BY seq")
    .all(...ids) as Row[];
  return { templateRows, audit };
}

/** Clones the template customer and agreement (rows in every table that mention them, and their audit entries) until the register holds `total` agreements. */
export function growAgreements(register: BenchRegister, total: number): void {
  const store = createSqliteStore(register.path);
  const sqlite = store.sqlite;
  sqlite.pragma("synchronous = OFF");
  try {
    const ids = [register.templateCustomerId, register.annexAgreementId];
    // The template as built, captured on the first call: later runs of the service add exports of it that are not cloned.
    const template = (templates.get(register) ?? templates.set(register, captureTemplate(sqlite, ids)).get(register))!;
    const { templateRows, audit } = template;
    const head = sqlite.prepare("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1").get() as { seq: number; hash: string };
    const inserts = new Map<string, ReturnType<typeof sqlite.prepare>>();
    const insert = (table: string, row: Row) => {
      const columns = Object.keys(row);
      const key = `${table}:${columns.join(",")}`;
      let statement = inserts.get(key);
      if (!statement) {
        statement = sqlite.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES (${columns.map(() => "?").join(",")})`,
        );
        inserts.set(key, statement);
      }
      statement.run(columns.map((c) => row[c]));
    };
    let seq = head.seq;
    let prevHash = head.hash;
    const clone = (i: number) => {
      const mark = `C${String(i).padStart(8, "0")}`;
      const swaps: [string, string][] = [...ids.map((id): [string, string] => [id, uuidv7()]), [MARK, mark]];
      const swap = (value: unknown) => {
        if (typeof value !== "string") return value;
        let text = value;
        for (const [from, to] of swaps) text = text.replaceAll(from, to);
        return text;
      };
      for (const { table, rows } of templateRows)
        for (const row of rows)
          insert(table, Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === "id" && typeof v === "number" ? null : swap(v)])));
      for (const row of audit) {
        seq += 1;
        const before = row.before == null ? null : JSON.parse(swap(row.before) as string);
        const after = row.after == null ? null : JSON.parse(swap(row.after) as string);
        const fields = {
          seq,
          id: uuidv7(),
          at: row.at as string,
          actorId: row.actor_id as string,
          actorName: row.actor_name as string,
          action: row.action as string,
          entityType: row.entity_type as string,
          entityId: swap(row.entity_id) as string,
          before,
          after,
          reason: (row.reason as string | null) ?? null,
          prevHash,
        };
        const hash = entryHash(fields);
        insert("audit_entries", {
          seq,
          id: fields.id,
          at: fields.at,
          actor_id: fields.actorId,
          actor_name: fields.actorName,
          action: fields.action,
          entity_type: fields.entityType,
          entity_id: fields.entityId,
          before: before === null ? null : JSON.stringify(before),
          after: after === null ? null : JSON.stringify(after),
          reason: fields.reason,
          prev_hash: prevHash,
          hash,
        });
        prevHash = hash;
      }
    };
    const batch = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) clone(i);
    });
    for (let i = register.agreements; i < total; i += 2000) batch(i, Math.min(total, i + 2000));
    register.agreements = Math.max(register.agreements, total);
    register.auditEntries = countAudit(store);
  } finally {
    store.close();
  }
}
