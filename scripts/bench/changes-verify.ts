// What one announcement wrote, counted back from the database, so the figures also show that nothing was dropped.
import type { SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import type { Register } from "./changes-register.ts";

export interface Written {
  notices: number;
  requests: number;
  audits: number;
  mails: number;
  dbGrowthKiB: number;
}
export function countWritten(reg: Register, changeId: string): Omit<Written, "dbGrowthKiB"> {
  const one = (sql: string) => (reg.store.sqlite.prepare(sql).get(changeId) as { n: number }).n;
  const notices = `select id from change_notices where change_id = ?`;
  return {
    notices: one(`select count(*) n from change_notices where change_id = ?`),
    requests: one(`select count(*) n from change_notices where change_id = ? and kind = 'authorisation_request'`),
    audits: one(`select count(*) n from audit_entries where entity_type = 'change_notice' and entity_id in (${notices})`),
    mails: one(`select count(*) n from outbox where related_type = 'change_notice' and related_id in (${notices})`),
  };
}
export function verify(reg: Register, n: number, changeId: string, what: string): void {
  const w = countWritten(reg, changeId);
  const changeAudit = (
    reg.store.sqlite
      .prepare(`select count(*) n from audit_entries where entity_type = 'sub_processor_change' and entity_id = ? and action = 'announce'`)
      .get(changeId) as { n: number }
  ).n;
  const status = (reg.store.sqlite.prepare(`select status from sub_processor_changes where id = ?`).get(changeId) as { status: string })
    .status;
  if (
    w.notices !== n ||
    w.audits !== n ||
    w.mails !== n ||
    w.requests !== reg.priorSpecific ||
    changeAudit !== 1 ||
    status !== "announced"
  ) {
    throw new Error(
      `${what}, N=${n}: expected ${n} notices (${reg.priorSpecific} authorisation requests), ${n} audit entries, ${n} e-mails, 1 announce entry, status announced; found ${JSON.stringify({ ...w, changeAudit, status })}`,
    );
  }
}
export const dbBytes = (store: SqliteStore) =>
  (store.sqlite.pragma("page_count", { simple: true }) as number) * (store.sqlite.pragma("page_size", { simple: true }) as number);
