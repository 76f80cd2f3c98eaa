import { afterAll, afterEach, describe, expect, it } from "vitest";
import { verifyRegister } from "../../src/core/evidence/verify-register.ts";
import type { Checkpoint } from "../../src/core/kernel/audit/checkpoints.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { createSqliteStore, type SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { TAMPER_KINDS } from "./tamper-kinds.ts";
import { buildRegister, type RawDb, type Register } from "./tamper-register.ts";

// Every kind of direct database edit an auditor worries about must make `verify` fail and name what was touched.
const detected: string[] = [];
let store: SqliteStore | null = null;

afterEach(() => {
  store?.close();
  store = null;
});
afterAll(() => {
  console.log(`${detected.length} of ${TAMPER_KINDS.length} tamper kinds detected`);
});

async function register(): Promise<Register> {
  store = createSqliteStore(":memory:");
  const sqlite = store.sqlite;
  const raw: RawDb = {
    all: async (sql, ...params) => sqlite.prepare(sql).all(...params) as Record<string, unknown>[],
    run: async (sql, ...params) => {
      sqlite.prepare(sql).run(...params);
    },
  };
  return buildRegister(store, raw);
}

const verify = (r: Register, external: unknown[] = []) =>
  verifyRegister(makeCtx(r.store, SYSTEM_ACTOR), {
    trigger: "cli",
    trustedKeys: [r.signer.publicKey],
    externalCheckpoints: external as Checkpoint[],
    record: false,
  });

describe("verify on Node (better-sqlite3)", () => {
  it("passes an untouched register, with its checkpoint", async () => {
    const r = await register();
    const report = await verify(r, r.published);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, checkpoints: { checked: 1 } });
    expect(report.checkpoints.latest?.size).toBeGreaterThan(30);
    expect(report.recordsChecked).toBeGreaterThan(30);
  });

  it.each(TAMPER_KINDS.map((kind) => [kind.name, kind] as const))("detects %s and names it", async (name, kind) => {
    const r = await register();
    const expected = await kind.tamper(r);
    const report = await verify(r, kind.withPublished ? r.published : []);
    expect(report.ok).toBe(false);
    const named = report.problems.filter(
      (p) =>
        (expected.seq === undefined || p.seq === expected.seq) &&
        (expected.subject === undefined || (p.subject ?? "").includes(expected.subject)),
    );
    expect(named, JSON.stringify(report.problems, null, 1)).not.toEqual([]);
    detected.push(name);
  });
});
