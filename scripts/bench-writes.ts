// `./dev bench:writes`: what one audited register write costs on Node, as a
// ratio to a bare SQLite insert measured in the same run on the same disk
// (the machines are noisy; ratios travel, absolute times do not).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../src/app.ts";
import { makeCtx, SYSTEM_ACTOR } from "../src/core/kernel/context.ts";
import { ENTITY_KINDS } from "../src/core/register/kinds.ts";
import { createToken } from "../src/core/accounts/token-use-cases.ts";
import { createEntity } from "../src/core/register/use-cases/create-entity.ts";
import { createSqliteStore } from "../src/platform/node/sqlite-store.ts";

const N = Number(process.env.BENCH_N ?? 1000);
const address = { street: "Rue Haute 1", postalCode: "1000", city: "Brussels", country: "BE" };
const customer = (i: number) => ({ legalName: `Customer ${i} NV`, address, contact: { email: `c${i}@customer.example` } });
const freshStore = () => createSqliteStore(join(mkdtempSync(join(tmpdir(), "bench-")), "register.db"));

async function time(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / N;
}

// Baseline: one plain insert per transaction, same pragmas (WAL, synchronous=FULL).
const raw = freshStore();
const insert = raw.sqlite.prepare(
  "insert into customers (id, legal_name, address, contact, language, revision, created_at, updated_at) values (?, ?, ?, ?, 'en', 1, ?, ?)",
);
const baseline = await time(async () => {
  for (let i = 0; i < N; i++) insert.run(crypto.randomUUID(), `Customer ${i}`, JSON.stringify(address), "{}", "2026-01-01", "2026-01-01");
});

const store = freshStore();
const ctx = makeCtx(store, SYSTEM_ACTOR);
const useCase = await time(async () => {
  for (let i = 0; i < N; i++) await createEntity(ctx, ENTITY_KINDS.customers, customer(i));
});

const httpStore = freshStore();
const { token } = await createToken(makeCtx(httpStore, SYSTEM_ACTOR), { name: "bench", role: "editor" });
const app = createApp({ store: httpStore });
const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const http = await time(async () => {
  for (let i = 0; i < N; i++) {
    const response = await app.request("/api/v1/customers", { method: "POST", headers, body: JSON.stringify(customer(i)) });
    if (response.status !== 201) throw new Error(`unexpected ${response.status}`);
  }
});

const row = (name: string, ms: number) => `${name.padEnd(44)} ${ms.toFixed(3).padStart(8)} ms  ${(ms / baseline).toFixed(1).padStart(6)}x`;
console.log(`${N} writes each, on a file database (WAL, synchronous=FULL)`);
console.log(row("baseline: bare INSERT, one per transaction", baseline));
console.log(row("use case: validated create + audit entry", useCase));
console.log(row("HTTP: POST /api/v1/customers (in process)", http));
