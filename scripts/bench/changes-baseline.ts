import type { Register } from "./changes-register.ts";

// Baseline: the same 3N rows (notices, audit entries, e-mails) of a finished announcement,
// copied with new ids and inserted with bare prepared multi-row INSERTs in one BEGIN IMMEDIATE
// transaction: the SQLite floor for writing what the use case writes. The copies are deleted
// afterwards (not timed), so they never count as notices of a change.
const CHUNK = 500; // rows per INSERT: 18 columns x 500 is well under SQLite's 32,766 bound parameters
export function bareInsert(reg: Register, changeId: string): { ms: number; rows: number } {
  const sqlite = reg.store.sqlite;
  const notices = sqlite.prepare(`select * from change_notices where change_id = ?`).all(changeId) as Record<string, unknown>[];
  const ids = new Map(notices.map((r) => [r.id as string, crypto.randomUUID()]));
  const inList = `(select id from change_notices where change_id = ?)`;
  const audits = (
    sqlite.prepare(`select * from audit_entries where entity_type = 'change_notice' and entity_id in ${inList}`).all(changeId) as Record<
      string,
      unknown
    >[]
  ).map(({ seq: _, ...r }) => ({ ...r, id: crypto.randomUUID(), entity_id: ids.get(r.entity_id as string) }));
  const mails = (
    sqlite.prepare(`select * from outbox where related_type = 'change_notice' and related_id in ${inList}`).all(changeId) as Record<
      string,
      unknown
    >[]
  ).map((r) => ({ ...r, id: crypto.randomUUID(), related_id: ids.get(r.related_id as string) }));
  const copies = notices.map((r) => ({ ...r, id: ids.get(r.id as string) }));
  const tables: [string, Record<string, unknown>[]][] = [
    ["change_notices", copies],
    ["audit_entries", audits],
    ["outbox", mails],
  ];
  // Statements prepared outside the timing: a prepared statement is what a bare insert loop reuses.
  const plans = tables.map(([table, rows]) => {
    const columns = Object.keys(rows[0] ?? {});
    const statement = (count: number) =>
      sqlite.prepare(
        `insert into ${table} (${columns.join(", ")}) values ${Array.from({ length: count }, () => `(${columns.map(() => "?").join(", ")})`).join(", ")}`,
      );
    const full = statement(Math.min(CHUNK, rows.length));
    const rest = rows.length % CHUNK ? statement(rows.length % CHUNK) : full;
    return { rows: rows.map((r) => columns.map((c) => r[c])), full, rest };
  });
  const insertAll = sqlite.transaction(() => {
    for (const { rows, full, rest } of plans) {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        (chunk.length === CHUNK ? full : rest).run(chunk.flat());
      }
    }
  });
  const t0 = performance.now();
  insertAll.immediate();
  const ms = performance.now() - t0;
  sqlite
    .transaction(() => {
      for (const [table, rows] of tables) {
        const remove = sqlite.prepare(`delete from ${table} where id in (select value from json_each(?))`);
        remove.run(JSON.stringify(rows.map((r) => r.id)));
      }
    })
    .immediate();
  return { ms, rows: copies.length + audits.length + mails.length };
}
