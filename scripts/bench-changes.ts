// `./dev bench:changes [--sizes 1000,10000,20000] [--runs 5] [--json file]`: what announcing one
// sub-processor change costs when N active agreements cover the activity it concerns. Announcing
// writes, in one atomic unit, the change, one notice per agreement, one audit entry per notice and
// one outbox e-mail per notice. Times go through the real use cases (proposeChange with
// `announce: true`, and announceChange of a proposed change) on a file database with the
// production pragmas, and are printed as ratios to a bare SQLite insert of the same rows measured
// in the same run (the machines are noisy; ratios travel, absolute times do not). After every run
// the rows are counted back, so the figures also show that nothing was dropped.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { agreementActivities, agreements, customers } from "../db/schema.ts";
import { affectedAgreements, announcement } from "../src/core/changes/announce.ts";
import { announceChange } from "../src/core/changes/announce-change.ts";
import { loadFacts } from "../src/core/changes/change-facts.ts";
import { findChangeRow, toChange } from "../src/core/changes/change-rows.ts";
import { noticeMail } from "../src/core/changes/mail-text.ts";
import { proposeChange } from "../src/core/changes/propose-change.ts";
import { deadlineFrom } from "../src/core/clocks/deadline.ts";
import { type Ctx, makeCtx, SYSTEM_ACTOR } from "../src/core/context.ts";
import { putOrganisation } from "../src/core/organisation/organisation-use-cases.ts";
import { ENTITY_KINDS as K } from "../src/core/register/kinds.ts";
import { createEntity } from "../src/core/use-cases/create-entity.ts";
import { insertMany } from "../src/core/use-cases/insert-many.ts";
import { createSqliteStore, type SqliteStore } from "../src/storage/sqlite-store.ts";

const { values: args } = parseArgs({
  options: { sizes: { type: "string", default: "1000,10000,20000" }, runs: { type: "string", default: "5" }, json: { type: "string" } },
});
const SIZES = args.sizes
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const RUNS = Math.max(1, Number(args.runs));
const TARGET_N = 10_000;
const TARGET_MS = 1000;
const started = performance.now();

// A fixed clock: notices dated Friday 2026-11-20 (Brussels), 15 calendar days end on Saturday
// 2026-12-05, moved to Monday 2026-12-07, so the earliest start is 2026-12-08.
const NOW = new Date("2026-11-20T09:00:00Z");
const INTENDED_START = "2026-12-08";
const LANGUAGES = ["en", "nl", "fr"] as const;

// ---- Setup (not timed): organisation, one processor activity, N customers with one active agreement each.
const freshStore = (): SqliteStore => createSqliteStore(join(mkdtempSync(join(tmpdir(), "bench-changes-")), "register.db"));
const dispose = (store: SqliteStore) => {
  const file = store.sqlite.name;
  store.close();
  rmSync(dirname(file), { recursive: true, force: true });
};

interface Register {
  store: SqliteStore;
  ctx: Ctx;
  activityId: string;
  priorSpecific: number;
  setupMs: number;
}

/**
 * The organisation, the activity and the first customer and agreement go through the audited use
 * cases; the other N-1 customers and agreements are copies of those stored rows (ids, names,
 * languages and authorisation varied), inserted with multi-row INSERTs: creating 20,000 entities
 * one by one would take minutes and is not what is measured.
 */
async function buildRegister(n: number): Promise<Register> {
  const t0 = performance.now();
  const store = freshStore();
  const ctx = makeCtx(store, SYSTEM_ACTOR, { now: () => NOW });
  await putOrganisation(ctx, {
    legalName: "Bench Accounting Cloud NV",
    companyNumber: "0123.456.789",
    address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
    contact: { name: "Privacy team", email: "privacy@bench.example" },
    dpo: { name: "An Peeters", email: "dpo@bench.example" },
    defaultLanguage: "en",
  });
  const activity = await createEntity(ctx, K.activities, {
    role: "processor",
    status: "active",
    name: {
      en: "Recognising and booking purchase invoices",
      nl: "Herkennen en boeken van aankoopfacturen",
      fr: "Reconnaissance et comptabilisation des factures d'achat",
    },
  });
  const customer = (i: number) => ({
    legalName: `Boekhoudkantoor ${i + 1} BV`,
    address: {
      street: `Kerkstraat ${1 + (i % 250)}`,
      postalCode: String(1000 + (i % 8999)),
      city: i % 2 ? "Gent" : "Brussel",
      country: "BE",
    },
    contact: { ...(i % 4 ? { name: `Zaakvoerder ${i + 1}` } : {}), email: `c${i + 1}@customer.example` },
    language: LANGUAGES[i % 3]!,
  });
  const agreement = (i: number, customerId: string) => ({
    customerId,
    reference: `BENCH-DPA-${String(i + 1).padStart(6, "0")}`,
    version: "2026.1",
    signedOn: "2026-01-15",
    language: LANGUAGES[i % 3]!,
    authorisation: i % 10 === 0 ? ("prior_specific" as const) : ("general" as const),
    clocks: { subProcessorNotice: { length: 15, unit: "calendar_days" as const } },
    governingCountry: "BE",
    timeZone: "Europe/Brussels",
    status: "active" as const,
    activityIds: [activity.id],
  });
  const first = await createEntity(ctx, K.customers, customer(0));
  await createEntity(ctx, K.agreements, agreement(0, first.id));
  const [customerRow] = await store.db.select().from(customers).where(eq(customers.id, first.id));
  const [agreementRow] = await store.db.select().from(agreements).where(eq(agreements.customerId, first.id));
  if (!customerRow || !agreementRow) throw new Error("setup: the first customer or agreement was not stored");
  const customerRows: (typeof customers.$inferInsert)[] = [];
  const agreementRows: (typeof agreements.$inferInsert)[] = [];
  const links: (typeof agreementActivities.$inferInsert)[] = [];
  for (let i = 1; i < n; i++) {
    const c = { ...customerRow, ...customer(i), id: ctx.newId() };
    const { activityIds: _, ...a } = { ...agreementRow, ...agreement(i, c.id), id: ctx.newId() };
    customerRows.push(c);
    agreementRows.push(a);
    links.push({ agreementId: a.id, activityId: activity.id, position: 0 });
  }
  await store.atomic([
    ...insertMany(store, customers, customerRows),
    ...insertMany(store, agreements, agreementRows),
    ...insertMany(store, agreementActivities, links),
  ]);
  const found = (await affectedAgreements(ctx, [activity.id])).length;
  if (found !== n) throw new Error(`setup: ${found} agreements cover the activity, expected ${n}`);
  return { store, ctx, activityId: activity.id, priorSpecific: Math.ceil(n / 10), setupMs: performance.now() - t0 };
}

let vendors = 0;
/** A proposal of a new vendor for the activity; a fresh vendor each time, so proposals never overlap. */
const proposal = (activityId: string, announce: boolean) => {
  vendors += 1;
  return {
    kind: "add",
    vendor: {
      legalName: `ScanWorks ${vendors} GmbH`,
      address: { street: "Friedrichstraße 100", postalCode: "10117", city: "Berlin", country: "DE" },
      contact: { name: "Privacy office", email: `privacy${vendors}@scanworks.example` },
      service: { en: "OCR of documents", nl: "OCR van documenten", fr: "OCR de documents" },
      locations: [{ country: "DE" }, { country: "IE" }],
    },
    activityIds: [activityId],
    reason: {
      en: "More accurate recognition of scanned invoices.",
      nl: "Nauwkeurigere herkenning van gescande facturen.",
      fr: "Reconnaissance plus précise des factures scannées.",
    },
    intendedStart: INTENDED_START,
    announce,
  };
};

// ---- Verification: count back what one announcement wrote.
interface Written {
  notices: number;
  requests: number;
  audits: number;
  mails: number;
  dbGrowthKiB: number;
}
function countWritten(reg: Register, changeId: string): Omit<Written, "dbGrowthKiB"> {
  const one = (sql: string) => (reg.store.sqlite.prepare(sql).get(changeId) as { n: number }).n;
  const notices = `select id from change_notices where change_id = ?`;
  return {
    notices: one(`select count(*) n from change_notices where change_id = ?`),
    requests: one(`select count(*) n from change_notices where change_id = ? and kind = 'authorisation_request'`),
    audits: one(`select count(*) n from audit_entries where entity_type = 'change_notice' and entity_id in (${notices})`),
    mails: one(`select count(*) n from outbox where related_type = 'change_notice' and related_id in (${notices})`),
  };
}
function verify(reg: Register, n: number, changeId: string, what: string): void {
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
const dbBytes = (store: SqliteStore) =>
  (store.sqlite.pragma("page_count", { simple: true }) as number) * (store.sqlite.pragma("page_size", { simple: true }) as number);

// ---- Baseline: the same 3N rows (notices, audit entries, e-mails) of a finished announcement,
// copied with new ids and inserted with bare prepared multi-row INSERTs in one BEGIN IMMEDIATE
// transaction: the SQLite floor for writing what the use case writes. The copies are deleted
// afterwards (not timed), so they never count as notices of a change.
const CHUNK = 500; // rows per INSERT: 18 columns x 500 is well under SQLite's 32,766 bound parameters
function bareInsert(reg: Register, changeId: string): { ms: number; rows: number } {
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

// ---- Peak memory: an RSS sampler on its own thread (the announcement is mostly synchronous, so a
// timer on the main thread would hardly fire during it). It keeps the highest RSS seen, in KiB.
const peakKiB = new Int32Array(new SharedArrayBuffer(4));
const sampler = `const { workerData: peak } = require("node:worker_threads");
setInterval(() => { const kib = Math.round(process.memoryUsage.rss() / 1024); if (kib > Atomics.load(peak, 0)) Atomics.store(peak, 0, kib); }, 5);`;
new Worker(sampler, { eval: true, workerData: peakKiB }).unref();
const rssMiB = () => process.memoryUsage.rss() / 2 ** 20;
// A full GC before each measured run, so "+MiB" is what that run needed (the npm script runs plain `node`).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

interface Sample {
  ms: number;
  extraMiB: number;
  peakMiB: number;
}
async function sample<T>(run: () => Promise<T>): Promise<Sample & { value: T }> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the sampler see the RSS before
  const before = rssMiB();
  Atomics.store(peakKiB, 0, 0);
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  const peak = Math.max(before, rssMiB(), Atomics.load(peakKiB, 0) / 1024);
  return { ms, extraMiB: peak - before, peakMiB: peak, value };
}

// ---- One size: the use cases, the baseline and a phase breakdown, interleaved run by run so
// that drift of the machine hits all of them alike.
interface Row {
  n: number;
  path: string;
  samples: number[];
  extraMiB: number[];
  peakMiB: number[];
  rows: number;
  written?: Written;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);

async function benchSize(n: number): Promise<{ rows: Row[]; setupMs: number }> {
  const reg = await buildRegister(n);
  console.error(`N=${n}: register set up in ${(reg.setupMs / 1000).toFixed(1)} s; announcing ...`);
  const { ctx, activityId } = reg;
  const row = (path: string, rows: number): Row => ({ n, path, samples: [], extraMiB: [], peakMiB: [], rows });
  // rows each path writes: the change (and with propose, the vendor, the change insert and their audit entries) plus 3 per agreement
  const base = row("baseline: bare multi-row INSERT of the same 3N rows, one transaction", 3 * n);
  const propose = row("proposeChange, announce: true", 3 * n + 6);
  const announce = row("announceChange of a proposed change", 3 * n + 2);
  const query = row("  phase: find the affected agreements (query)", 0);
  const build = row("  phase: notices, deadlines, e-mail texts, statements", 0);
  const deadlines = row("  phase: of which deadlineFrom, once per agreement", 0);
  const mails = row("  phase: of which noticeMail, once per agreement", 0);
  const toSql = row("  phase: drizzle SQL + parameters of every statement", 0);
  const write = row("  phase: atomic write (drizzle + SQLite + commit)", 3 * n + 2);

  // Warm-up (JIT, prepared migrations, page cache): one full announcement, not counted.
  const warm = await proposeChange(ctx, proposal(activityId, true), crypto.randomUUID());
  verify(reg, n, warm.change.id, "warm-up");

  for (let r = 0; r < RUNS; r++) {
    // proposeChange with announce: true, the whole use case.
    const size0 = dbBytes(reg.store);
    const p = await sample(() => proposeChange(ctx, proposal(activityId, true), crypto.randomUUID()));
    if (p.value.noticeCount !== n) throw new Error(`proposeChange reported ${p.value.noticeCount} notices, expected ${n}`);
    verify(reg, n, p.value.change.id, "proposeChange");
    propose.samples.push(p.ms);
    propose.extraMiB.push(p.extraMiB);
    propose.peakMiB.push(p.peakMiB);
    propose.written ??= { ...countWritten(reg, p.value.change.id), dbGrowthKiB: (dbBytes(reg.store) - size0) / 1024 };

    // Baseline, from the rows that announcement wrote.
    const b = bareInsert(reg, p.value.change.id);
    if (b.rows !== 3 * n) throw new Error(`baseline copied ${b.rows} rows, expected ${3 * n}`);
    base.samples.push(b.ms);

    // announceChange of a change proposed just before (the proposal is not timed).
    const proposed = await proposeChange(ctx, proposal(activityId, false), crypto.randomUUID());
    const a = await sample(() => announceChange(ctx, proposed.change.id, {}));
    verify(reg, n, proposed.change.id, "announceChange");
    announce.samples.push(a.ms);
    announce.extraMiB.push(a.extraMiB);
    announce.peakMiB.push(a.peakMiB);

    // Where the time goes: the steps announceChange takes, timed one by one (same functions).
    const phased = await proposeChange(ctx, proposal(activityId, false), crypto.randomUUID());
    const change = toChange(await findChangeRow(ctx.store.db, phased.change.id));
    const { change: _, ...facts } = await loadFacts(ctx, change);
    let t0 = performance.now();
    const told = await affectedAgreements(ctx, change.activityIds);
    query.samples.push(performance.now() - t0);
    t0 = performance.now();
    const built = await announcement(ctx, change, facts, change.intendedStart); // runs the query again, subtracted below
    build.samples.push(performance.now() - t0 - query.samples.at(-1)!);
    // Two parts of that build, timed alone on the same agreements (announcement() calls these same functions once per agreement).
    t0 = performance.now();
    for (const a of told) deadlineFrom(NOW, a.clocks.subProcessorNotice, a);
    deadlines.samples.push(performance.now() - t0);
    const announcedFacts = { ...facts, change: built.announced };
    t0 = performance.now();
    told.forEach((a, i) => {
      noticeMail(announcedFacts, built.notices[i]!, a, { legalName: a.customerName, contact: a.contact });
    });
    mails.samples.push(performance.now() - t0);
    t0 = performance.now();
    for (const s of built.statements) (s as unknown as { toSQL(): unknown }).toSQL();
    toSql.samples.push(performance.now() - t0);
    t0 = performance.now();
    await ctx.store.atomic(built.statements);
    write.samples.push(performance.now() - t0);
    verify(reg, n, phased.change.id, "phases");
    console.error(
      `  run ${r + 1}/${RUNS}: propose+announce ${p.ms.toFixed(0)} ms, announce ${a.ms.toFixed(0)} ms, bare insert ${b.ms.toFixed(0)} ms`,
    );
  }
  dispose(reg.store);
  return { rows: [base, propose, announce, query, build, deadlines, mails, toSql, write], setupMs: reg.setupMs };
}

// ---- Run and report.
console.log(`bench:changes on ${cpus().length} CPUs, Node ${process.version}; sizes ${SIZES.join(", ")}; ${RUNS} runs each\n`);
const rows: Row[] = [];
const setups: { n: number; setupMs: number }[] = [];
for (const n of SIZES) {
  const result = await benchSize(n);
  rows.push(...result.rows);
  setups.push({ n, setupMs: result.setupMs });
}

const pad = (s: string | number, w: number) => String(s).padStart(w);
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const baseOf = (n: number) => median(rows.find((r) => r.n === n && r.path.startsWith("baseline"))!.samples);
console.log(`Setup (not timed): organisation, 1 processor activity, N customers with one active agreement each covering it`);
console.log(`(en/nl/fr in turn, 1 in 10 prior specific authorisation, 15 calendar days' notice, BE, Europe/Brussels), on a file`);
console.log(`database (WAL, synchronous=FULL): ${setups.map((s) => `N=${s.n} in ${(s.setupMs / 1000).toFixed(1)} s`).join(", ")}.`);
console.log(`Each run announces a new vendor to all N agreements; the rows are counted back after every run (N notices, N/10`);
console.log(`authorisation requests, N audit entries, N e-mails, the announce entry). The register keeps every run's rows.`);
console.log(`Times: median and min of ${RUNS} runs after one warm-up; "vs bare" divides by the median bare insert at that N;`);
console.log(`"+MiB": peak RSS (sampled every 5 ms on another thread) above the RSS before the run, after a full GC; "peak RSS":`);
console.log(`the process's highest RSS during the run; both medians. Freed native memory stays in the RSS, so "+MiB" is what a run`);
console.log(`needed beyond what earlier runs left.\n`);
console.log(`| N | path | median | min | rows written | vs bare insert | per agreement | +MiB | peak RSS |`);
console.log(`|---|---|---|---|---|---|---|---|---|`);
for (const r of rows) {
  const m = median(r.samples);
  const phase = r.path.startsWith("  ");
  console.log(
    `| ${r.n.toLocaleString("en")} | ${phase ? `↳ ${r.path.trim().replace(/^phase: /, "")}` : r.path} | ${fmtMs(m)} | ${fmtMs(min(r.samples))} | ${r.rows ? r.rows.toLocaleString("en") : "-"} | ${(m / baseOf(r.n)).toFixed(1)}x | ${((m / r.n) * 1000).toFixed(1)} µs | ${r.extraMiB.length ? median(r.extraMiB).toFixed(0) : "-"} | ${r.peakMiB.length ? `${median(r.peakMiB).toFixed(0)} MiB` : "-"} |`,
  );
}

const growth: { path: string; from: number; to: number; timeRatio: number; perSize: number }[] = [];
for (const path of rows.filter((r) => r.n === SIZES[0] && !r.path.startsWith("  ")).map((r) => r.path)) {
  const series = rows.filter((r) => r.path === path);
  for (let i = 1; i < series.length; i++) {
    const [a, b] = [series[i - 1]!, series[i]!];
    const timeRatio = median(b.samples) / median(a.samples);
    growth.push({ path, from: a.n, to: b.n, timeRatio, perSize: timeRatio / (b.n / a.n) });
  }
}
if (growth.length) {
  console.log(`\nGrowth (time ratio / size ratio; 1.0 = linear)`);
  for (const g of growth)
    console.log(
      `  ${g.path.padEnd(72)} ${pad(g.from, 6)} -> ${pad(g.to, 6)}: ${pad(g.timeRatio.toFixed(1), 5)}x time, ${g.perSize.toFixed(2)} per size`,
    );
}
const written = rows.find((r) => r.n === TARGET_N && r.written)?.written ?? rows.find((r) => r.written)?.written;
if (written)
  console.log(
    `\nOne announcement${rows.some((r) => r.n === TARGET_N) ? ` to ${TARGET_N.toLocaleString("en")}` : ""}: ${written.notices} notices (${written.requests} authorisation requests), ${written.audits} audit entries, ${written.mails} e-mails; the database grew by ${(written.dbGrowthKiB / 1024).toFixed(1)} MiB.`,
  );
const target = rows.find((r) => r.n === TARGET_N && r.path.startsWith("proposeChange"));
const targetAnnounce = rows.find((r) => r.n === TARGET_N && r.path.startsWith("announceChange"));
console.log(
  target && targetAnnounce
    ? `Announcing to ${TARGET_N.toLocaleString("en")} agreements: proposeChange ${fmtMs(median(target.samples))}, announceChange ${fmtMs(median(targetAnnounce.samples))} (target < ${TARGET_MS} ms): ${Math.max(median(target.samples), median(targetAnnounce.samples)) < TARGET_MS ? "met" : "NOT met"}`
    : `Announcing to ${TARGET_N.toLocaleString("en")} agreements: not measured (size ${TARGET_N} not run)`,
);
console.log(`Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (args.json) {
  const figures = {
    node: process.version,
    cpus: cpus().length,
    runs: RUNS,
    setups,
    rows: rows.map((r) => ({
      n: r.n,
      path: r.path.trim(),
      medianMs: median(r.samples),
      minMs: min(r.samples),
      samplesMs: r.samples,
      rowsWritten: r.rows,
      vsBare: median(r.samples) / baseOf(r.n),
      extraMiB: r.extraMiB,
      peakMiB: r.peakMiB,
      written: r.written,
    })),
    growth,
    target: {
      n: TARGET_N,
      limitMs: TARGET_MS,
      proposeMs: target ? median(target.samples) : null,
      announceMs: targetAnnounce ? median(targetAnnounce.samples) : null,
    },
  };
  writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
}
