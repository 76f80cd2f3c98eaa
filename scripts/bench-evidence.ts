// `./dev bench:evidence`: what the audit chain adds to an audited write, and
// how long the register's verification takes for 100,000 audit entries.
//
// The chain's cost is a ratio measured in the same run, interleaved A/B on
// two databases on the same disk: the same atomic unit (customer row + audit
// entry) with the entry linked into the chain (A) and inserted unlinked (B).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { customers, auditEntries } from "../db/schema.ts";
import { auditRow, auditStatement } from "../src/core/kernel/audit/audit-statement.ts";
import { auditRowsStatement } from "../src/core/kernel/audit/audit-chain.ts";
import { verifyRegister } from "../src/core/evidence/verify-register.ts";
import { makeCtx, SYSTEM_ACTOR } from "../src/core/kernel/context.ts";
import { createSqliteStore, type SqliteStore } from "../src/platform/node/sqlite-store.ts";

const WRITES = Number(process.env.BENCH_N ?? 2000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const ROUNDS = 10;
const freshStore = () => createSqliteStore(join(mkdtempSync(join(tmpdir(), "bench-evidence-")), "register.db"));
const address = { street: "Rue Haute 1", postalCode: "1000", city: "Brussels", country: "BE" };

function customerWrite(store: SqliteStore, i: number, chained: boolean) {
  const ctx = makeCtx(store, SYSTEM_ACTOR);
  const now = new Date().toISOString();
  const row: typeof customers.$inferInsert = {
    id: ctx.newId(),
    legalName: `Customer ${i} NV`,
    address,
    contact: { email: `c${i}@customer.example` },
    language: "en",
    revision: 1,
    createdAt: now,
    updatedAt: now,
  };
  const change = { action: "create" as const, entityType: "customer", entityId: row.id, before: null, after: row };
  const audit = chained ? auditStatement(ctx, change, now) : store.db.insert(auditEntries).values(auditRow(ctx, change, now));
  return store.atomic([store.db.insert(customers).values(row), audit]);
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

// A/B interleaved: each round writes a slice with the chain, then a slice without.
const withChain = freshStore();
const withoutChain = freshStore();
let chainMs = 0;
let plainMs = 0;
const slice = Math.ceil(WRITES / ROUNDS);
for (let round = 0; round < ROUNDS; round++) {
  chainMs += await timed(async () => {
    for (let i = 0; i < slice; i++) await customerWrite(withChain, round * slice + i, true);
  });
  plainMs += await timed(async () => {
    for (let i = 0; i < slice; i++) await customerWrite(withoutChain, round * slice + i, false);
  });
}
const per = (ms: number) => ms / (slice * ROUNDS);
console.log(`${slice * ROUNDS} audited writes each, interleaved in ${ROUNDS} rounds, on file databases (WAL, synchronous=FULL)`);
console.log(`  audit entry inserted unlinked (floor)    ${per(plainMs).toFixed(3).padStart(8)} ms  1.00x`);
console.log(`  audit entry linked into the hash chain   ${per(chainMs).toFixed(3).padStart(8)} ms  ${(chainMs / plainMs).toFixed(2)}x`);
withChain.close();
withoutChain.close();

// Verification of a long trail: ENTRIES chained entries, written in units of 1,000.
const long = freshStore();
const ctx = makeCtx(long, SYSTEM_ACTOR);
const at = new Date().toISOString();
for (let written = 0; written < ENTRIES; written += 1000) {
  const rows = Array.from({ length: Math.min(1000, ENTRIES - written) }, (_, i) =>
    auditRow(
      ctx,
      {
        action: "export",
        entityType: "document_export",
        entityId: `export-${written + i}`,
        before: null,
        after: { n: written + i, note: "an export record of typical size".repeat(4) },
      },
      at,
    ),
  );
  await long.atomic([auditRowsStatement(rows)]);
}
const rss = process.memoryUsage().rss;
let report: Awaited<ReturnType<typeof verifyRegister>> | null = null;
const verifyMs = await timed(async () => {
  report = await verifyRegister(ctx, { trigger: "cli", trustedKeys: [], record: false });
});
const done = report as Awaited<ReturnType<typeof verifyRegister>> | null;
console.log(
  `verify: ${done?.entries} audit entries in ${(verifyMs / 1000).toFixed(2)} s (${((verifyMs * 1000) / ENTRIES).toFixed(1)} µs per entry), ok=${done?.ok}, RSS +${((process.memoryUsage().rss - rss) / 2 ** 20).toFixed(0)} MiB`,
);
long.close();
