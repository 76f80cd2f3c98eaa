// Migration 0015 rebuilds change_notices (its change_id may now name a terms change) and the
// objections pointing at it. A register with notices and objections already in it must come
// through whole, with its foreign keys still enforced, inside the migrator's transaction.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../../src/platform/node/sqlite-store.ts";

const BEFORE_TAG = "0014_breaches";
let folder: string | null = null;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

/** A copy of the migrations folder whose journal ends at `tag`. */
function migrationsUpTo(tag: string): string {
  folder = mkdtempSync(join(tmpdir(), "migrations-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === tag);
  expect(end).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, end + 1) }));
  return folder;
}

const now = "2026-11-20T09:00:00.000Z";

function seedNoticeAndObjection(sqlite: Database.Database): void {
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
  run(
    `insert into sub_processors (id, legal_name, reference, address, contact, service, processing_description, locations, transfer_mechanism, status, excluded_agreement_ids, parent_id, revision, created_at, updated_at, archived_at)
     values ('sp-1', 'Klippa OCR GmbH', 'KLIPPA', '{}', '{}', '{"en":"OCR"}', null, '[]', null, 'proposed', '[]', null, 1, ?, ?, null)`,
    now,
    now,
  );
  run(
    `insert into sub_processor_changes (id, kind, sub_processor_id, activity_ids, reason, intended_start, status, revision, created_at, updated_at)
     values ('ch-1', 'add', 'sp-1', '[]', '{"en":"OCR"}', '2026-12-08', 'announced', 2, ?, ?)`,
    now,
    now,
  );
  run(
    `insert into customers (id, legal_name, reference, address, contact, language, revision, created_at, updated_at, archived_at)
     values ('cu-1', 'Peeters BV', 'CF-CUST-001', '{}', '{"email":"an@peeters.example"}', 'nl', 1, ?, ?, null)`,
    now,
    now,
  );
  run(
    `insert into agreements (id, customer_id, reference, version, language, authorisation, clocks, governing_country, time_zone, status, revision, created_at, updated_at)
     values ('ag-1', 'cu-1', 'CF-DPA-2024-001', '2024.1', 'nl', 'general', '{}', 'BE', 'Europe/Brussels', 'active', 1, ?, ?)`,
    now,
    now,
  );
  run(
    `insert into change_notices (id, change_id, agreement_id, customer_id, kind, notice_date, last_day, closes_at, time_zone, period, status, outcome, revision, created_at, updated_at)
     values ('no-1', 'ch-1', 'ag-1', 'cu-1', 'objection_window', '2026-11-20', '2026-12-07', '2026-12-07T23:00:00.000Z', 'Europe/Brussels', '{"length":15,"unit":"calendar_days"}', 'open', 'pending', 1, ?, ?)`,
    now,
    now,
  );
  run(
    `insert into objections (id, notice_id, change_id, agreement_id, grounds, received_at, on_time, channel, revision, created_at, updated_at)
     values ('ob-1', 'no-1', 'ch-1', 'ag-1', 'No.', ?, 1, 'api', 1, ?, ?)`,
    now,
    now,
    now,
  );
}

describe("migration 0015: notices about terms changes", () => {
  it("keeps every notice and objection, marks old notices as about sub-processor changes, and still enforces the objections' foreign key", () => {
    const sqlite = new Database(":memory:");
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsUpTo(BEFORE_TAG) });
    try {
      seedNoticeAndObjection(sqlite);
    } catch (error) {
      throw new Error(`the seed no longer matches the schema of ${BEFORE_TAG}: ${String(error)}`);
    }
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

    expect(sqlite.prepare("select id, subject, change_id, status from change_notices").all()).toEqual([
      { id: "no-1", subject: "sub_processor_change", change_id: "ch-1", status: "open" },
    ]);
    expect(sqlite.prepare("select id, notice_id, grounds from objections").all()).toEqual([
      { id: "ob-1", notice_id: "no-1", grounds: "No." },
    ]);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    // The objections still point at change_notices (not at the table the rebuild used on the way).
    expect(String((sqlite.prepare("select sql from sqlite_master where name = 'objections'").get() as { sql: string }).sql)).toMatch(
      /REFERENCES [`"]change_notices[`"]/,
    );
    expect(() =>
      sqlite
        .prepare(
          "insert into objections (id, notice_id, change_id, agreement_id, grounds, received_at, on_time, channel, revision, created_at, updated_at) values ('ob-2', 'missing', 'ch-1', 'ag-1', 'x', ?, 1, 'api', 1, ?, ?)",
        )
        .run(now, now, now),
    ).toThrow(/FOREIGN KEY/);
    // A notice may now name a terms change; the index the lists use is back.
    expect(
      sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'change_notices' order by name").all(),
    ).toEqual([
      { name: "change_notices_agreement" },
      { name: "change_notices_change" },
      { name: "change_notices_closes" },
      { name: "sqlite_autoindex_change_notices_1" },
    ]);
    sqlite.close();
  });
});
