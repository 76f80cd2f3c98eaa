// `./dev bench:documents [--sizes 100,1000] [--json file]`: time and peak memory to render the
// Art. 30 records and one DPA annex, HTML and PDF, for generated registers of 100, 1,000 and
// 5,000 activities, how the cost grows, and the Worker bundle's compressed size. Times are also
// printed as ratios to a baseline measured in the same run (the machines are noisy; ratios
// travel, absolute times do not).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { type Ctx, makeCtx, SYSTEM_ACTOR } from "../src/core/context.ts";
import { loadDemoData } from "../src/core/demo/load-demo-data.ts";
import { lastSeqAt, loadSnapshot, type RegisterSnapshot } from "../src/core/documents/register-snapshot.ts";
import { type DocumentSpec, renderDocument } from "../src/core/documents/render-document.ts";
import { ANNEX_III_HEADINGS } from "../src/core/model/security-measure.ts";
import { putOrganisation } from "../src/core/organisation/organisation-use-cases.ts";
import type { AnyEntityKind } from "../src/core/register/entity-kind.ts";
import { ENTITY_KINDS as K } from "../src/core/register/kinds.ts";
import { createEntity } from "../src/core/use-cases/create-entity.ts";
import { createSqliteStore, type SqliteStore } from "../src/storage/sqlite-store.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const { values: args } = parseArgs({ options: { sizes: { type: "string", default: "100,1000,5000" }, json: { type: "string" } } });
const SIZES = args.sizes
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const SUB_PROCESSORS = 200;
const CUSTOMERS = 2000;
const SLOW_MS = 10_000; // a render slower than this is run once, not three times
const started = performance.now();

// ---- Deterministic register content (mulberry32), English and Dutch like the demo register.
type Text = { en: string; nl: string };
const t = (en: string, nl: string): Text => ({ en, nl });
function rng(seed: number) {
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const one = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  /** lo..hi distinct items, in the order drawn. */
  const some = <T>(items: readonly T[], lo: number, hi: number): T[] => {
    const picked = new Set<T>();
    for (let want = Math.min(int(lo, hi), items.length); picked.size < want; ) picked.add(one(items));
    return [...picked];
  };
  return { int, one, some };
}
const ACTIONS = [
  t("Managing", "Beheer van"),
  t("Processing", "Verwerking van"),
  t("Archiving", "Archivering van"),
  t("Validating", "Validatie van"),
  t("Analysing", "Analyse van"),
  t("Exchanging", "Uitwisseling van"),
  t("Reconciling", "Afstemming van"),
  t("Storing", "Opslag van"),
];
const OBJECTS = [
  t("purchase invoices", "aankoopfacturen"),
  t("sales invoices", "verkoopfacturen"),
  t("bank statements (CODA)", "bankafschriften (CODA)"),
  t("payroll documents", "loondocumenten"),
  t("expense receipts", "onkostenbonnetjes"),
  t("VAT returns", "btw-aangiften"),
  t("supplier master data", "leveranciersgegevens"),
  t("customer contact details", "contactgegevens van klanten"),
  t("user accounts", "gebruikersaccounts"),
  t("support tickets", "supporttickets"),
];
const CONTEXTS = [
  t("for accounting firms in Flanders", "voor boekhoudkantoren in Vlaanderen"),
  t("for SMEs in Wallonia", "voor kmo's in Wallonië"),
  t("in the mobile app", "in de mobiele app"),
  t("through the Peppol network", "via het Peppol-netwerk"),
  t("for the annual closing", "voor de jaarafsluiting"),
  t("for the Benelux sales team", "voor het verkoopteam Benelux"),
];
const PURPOSES = [
  t(
    "Provide an application for downloading, recognising and validating documents",
    "Een applicatie bieden voor het downloaden, herkennen en valideren van documenten",
  ),
  t("Book incoming and outgoing invoices in the client's ledger", "Inkomende en uitgaande facturen boeken in het grootboek van de cliënt"),
  t("Detect duplicate or fraudulent invoices before payment", "Dubbele of frauduleuze facturen opsporen vóór betaling"),
  t("Answer support questions from users", "Supportvragen van gebruikers beantwoorden"),
  t("Prepare periodic VAT returns and listings", "Periodieke btw-aangiften en listings voorbereiden"),
  t("Keep the audit trail required by accounting law", "Het audittraject bijhouden dat de boekhoudwetgeving vereist"),
  t("Invoice customers and collect payments", "Klanten factureren en betalingen innen"),
  t("Measure and improve the quality of the service", "De kwaliteit van de dienst meten en verbeteren"),
];
const DATA = [
  "Identification data: name, e-mail address",
  "Financial data: IBAN, VAT number",
  "Invoice data: amounts, dates, references",
  "Address data: home or work address",
  "Access data: log-ins, IP addresses",
  "Employment data: function, salary",
  "Contract data: start and end dates",
  "Communication data: e-mails and tickets",
  "Tax data: national number, tax returns",
  "Payment data: transactions and balances",
];
const DATA_NL = [
  "Identificatiegegevens: naam, e-mailadres",
  "Financiële gegevens: IBAN, btw-nummer",
  "Factuurgegevens: bedragen, datums, referenties",
  "Adresgegevens: woon- of werkadres",
  "Toegangsgegevens: aanmeldingen, IP-adressen",
  "Arbeidsgegevens: functie, loon",
  "Contractgegevens: begin- en einddatum",
  "Communicatiegegevens: e-mails en tickets",
  "Fiscale gegevens: rijksregisternummer, aangiften",
  "Betalingsgegevens: transacties en saldi",
];
const WHOSE = [
  t("of employees", "van werknemers"),
  t("of clients", "van cliënten"),
  t("of counterparties", "van tegenpartijen"),
  t("of users", "van gebruikers"),
];
const SUBJECTS = [
  t("Accountants", "Boekhouders"),
  t("Accountants' clients", "Cliënten van boekhouders"),
  t("Counterparties", "Tegenpartijen"),
  t("Employees", "Werknemers"),
  t("Job applicants", "Sollicitanten"),
  t("Suppliers' contacts", "Contactpersonen bij leveranciers"),
  t("Customers' contacts", "Contactpersonen bij klanten"),
  t("Website visitors", "Websitebezoekers"),
  t("Newsletter subscribers", "Abonnees van de nieuwsbrief"),
  t("Shareholders", "Aandeelhouders"),
];
const MEASURES = [
  t("Encryption in transit with TLS 1.2 or higher", "Versleuteling tijdens transport met TLS 1.2 of hoger"),
  t("Encryption at rest with AES-256", "Versleuteling in rust met AES-256"),
  t("Role-based access with multi-factor authentication", "Toegang op basis van rollen met meerfactorauthenticatie"),
  t("Daily backups in a second EU region", "Dagelijkse back-ups in een tweede EU-regio"),
  t("Central logging kept for one year", "Centrale logging die één jaar bewaard wordt"),
  t("Yearly penetration test by an external firm", "Jaarlijkse penetratietest door een extern bureau"),
];
const EEA = ["DE", "IE", "NL", "FR", "BE", "SE", "FI", "AT", "LU", "PL"];
const RETENTIONS = [
  { kind: "period", period: { length: 7, unit: "years" } },
  { kind: "period", period: { length: 10, unit: "years" } },
  {
    kind: "event",
    event: t("End of the contract with the accountant", "Einde van het contract met de boekhouder"),
    offset: { length: 3, unit: "months" },
  },
  { kind: "event", event: t("Until access is revoked", "Tot de toegang wordt ingetrokken") },
];
const address = (i: number, country = "BE") => ({
  street: `Kerkstraat ${1 + (i % 250)}`,
  postalCode: String(1000 + (i % 8999)),
  city: i % 2 ? "Gent" : "Brussel",
  country,
});
const sentence = (r: ReturnType<typeof rng>): Text => {
  const [a, o, c] = [r.one(ACTIONS), r.one(OBJECTS), r.one(CONTEXTS)];
  return t(`${a.en} ${o.en} ${c.en}`, `${a.nl} ${o.nl} ${c.nl}`);
};

/** Builds the register through the use cases, so the audit trail the documents are rebuilt from exists. */
async function buildRegister(ctx: Ctx, n: number): Promise<{ writes: number; annexAgreementId: string }> {
  const r = rng(n);
  let writes = 1;
  const create = async (kind: AnyEntityKind, input: object) => {
    writes++;
    return (await createEntity(ctx, kind, input)).id;
  };
  await putOrganisation(ctx, {
    legalName: "Bench Accounting Cloud NV",
    companyNumber: "0123.456.789",
    address: address(0),
    contact: { name: "Privacy team", email: "privacy@bench.example" },
    dpo: { name: "An Peeters", email: "dpo@bench.example" },
    defaultLanguage: "en",
  });
  const data: string[] = [];
  for (let i = 0; i < 40; i++) {
    const w = WHOSE[i % 4]!;
    data.push(
      await create(K["data-categories"], {
        name: t(`${DATA[i % 10]} ${w.en}`, `${DATA_NL[i % 10]} ${w.nl}`),
        special: i === 5 ? "art9" : "none",
      }),
    );
  }
  const subjects: string[] = [];
  for (let i = 0; i < 20; i++)
    subjects.push(
      await create(K["subject-categories"], {
        name: i < 10 ? SUBJECTS[i] : t(`${SUBJECTS[i - 10]!.en} abroad`, `${SUBJECTS[i - 10]!.nl} in het buitenland`),
      }),
    );
  const measures: string[] = [];
  for (let i = 0; i < 30; i++) {
    const m = MEASURES[i % MEASURES.length]!;
    measures.push(
      await create(K["security-measures"], {
        heading: ANNEX_III_HEADINGS[i % ANNEX_III_HEADINGS.length],
        title: t(`${m.en} (${i + 1})`, `${m.nl} (${i + 1})`),
        description: t(
          `${m.en}; reviewed every quarter by the security officer and documented in the ISMS.`,
          `${m.nl}; elk kwartaal herzien door de security officer en gedocumenteerd in het ISMS.`,
        ),
        certifications: i % 5 ? [] : [{ name: "ISO/IEC 27001", issuer: "BSI" }],
      }),
    );
  }
  const activity = (role: "controller" | "processor", i: number) => {
    const categories = r.some(data, 3, 5);
    const special = categories.includes(data[5]!);
    return {
      role,
      status: "active",
      name: sentence(r),
      purposes: r.some(PURPOSES, role === "controller" ? 2 : 1, role === "controller" ? 4 : 3),
      subjectMatter: role === "processor" ? sentence(r) : undefined,
      nature: t(
        "Hosting, storage, automated recognition (OCR) and validation",
        "Hosting, opslag, automatische herkenning (OCR) en validatie",
      ),
      legalBasis: role === "controller" ? "contract" : undefined,
      subjectCategoryIds: r.some(subjects, 2, 3),
      dataCategories: categories.map((id) => ({ dataCategoryId: id, retention: r.one(RETENTIONS) })),
      specialCategoryCondition: special ? "employment_social_security" : undefined,
      specialCategorySafeguards: special ? t("Access limited to payroll staff", "Toegang beperkt tot loonadministratie") : undefined,
      recipients: [{ name: t("Social secretariat", "Sociaal secretariaat"), country: "BE" }],
      transfers:
        role === "controller" && i % 10 === 0 ? [{ country: "US", recipient: "Support desk provider", mechanism: { kind: "scc" } }] : [],
      securityMeasureIds: r.some(measures, 3, 6),
    };
  };
  for (let i = 0; i < n; i++) await create(K.activities, activity("controller", i));
  const processing: string[] = [];
  for (let i = 0; i < n; i++) processing.push(await create(K.activities, activity("processor", i)));
  // Each processor activity is served by 1-3 sub-processors, so they serve ~1 to ~50 activities each.
  const served: string[][] = Array.from({ length: SUB_PROCESSORS }, () => []);
  for (const id of processing) for (const s of r.some([...served.keys()], 1, 3)) served[s]!.push(id);
  for (let s = 0; s < SUB_PROCESSORS; s++) {
    const us = s % 8 === 3; // some US locations, with SCCs
    await create(K["sub-processors"], {
      legalName: `${r.one(["Cloud", "Data", "Doc", "Scan", "Mail"])}${r.one(["Host", "Works", "Flow", "Bridge"])} ${s + 1} ${us ? "Inc." : "BV"}`,
      address: address(s, us ? "US" : r.one(EEA)),
      contact: { email: `privacy${s}@sub.example` },
      service: r.one([
        t("Hosting", "Hosting"),
        t("OCR of documents", "OCR van documenten"),
        t("E-mail delivery", "Verzending van e-mail"),
        t("Customer support tooling", "Supporttools"),
      ]),
      processingDescription: t(
        "Processes data only on the processor's instructions; no access to content.",
        "Verwerkt gegevens enkel op instructie van de verwerker; geen toegang tot de inhoud.",
      ),
      locations: [...r.some(EEA, 1, 2).map((country) => ({ country })), ...(us ? [{ country: "US", region: "Virginia" }] : [])],
      transferMechanism: us ? { kind: "scc" } : undefined,
      status: "active",
      activityIds: served[s],
    });
  }
  let annexAgreementId = "";
  for (let c = 0; c < CUSTOMERS; c++) {
    const language = c % 2 ? "nl" : "en";
    const customerId = await create(K.customers, {
      legalName: `${r.one(["Boekhoudkantoor", "Fiduciaire", "Accountancy"])} ${r.one(["Peeters", "Janssens", "Maes", "Dupont", "Claes"])} ${c + 1} BV`,
      address: address(c),
      contact: { name: "Zaakvoerder", email: `c${c}@customer.example` },
      language,
    });
    const activityIds = r.some(processing, 3, 8);
    const id = await create(K.agreements, {
      customerId,
      reference: `BENCH-DPA-${String(c + 1).padStart(4, "0")}`,
      version: "2026.1",
      signedOn: "2026-01-15",
      language,
      authorisation: c % 5 ? "general" : "prior_specific",
      clocks: { subProcessorNotice: { length: 15, unit: "calendar_days" } },
      status: "active",
      activityIds,
    });
    if (!annexAgreementId && activityIds.length === 8) annexAgreementId = id;
  }
  return { writes, annexAgreementId };
}

// ---- Measuring: wall time, and resident memory of one call.
interface Figure {
  ms: number;
  runs: number;
  bytes: number;
  pages: number | null;
  peakMiB: number;
  growthMiB: number;
}
const rssMiB = () => process.memoryUsage.rss() / 2 ** 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** pdfkit writes one "/Type /Page" dictionary per page (and "/Type /Pages" for the page tree). */
const pageCount = (bytes: Uint8Array) =>
  (
    Buffer.from(bytes)
      .toString("latin1")
      .match(/\/Type \/Page(?!s)/g) ?? []
  ).length;

// The RSS sampler runs on its own thread: rendering is mostly synchronous, so a timer on the
// main thread would hardly ever fire during a render. It keeps the highest RSS seen, in KiB.
const peakKiB = new Int32Array(new SharedArrayBuffer(4));
const sampler = `const { workerData: peak } = require("node:worker_threads");
setInterval(() => { const kib = Math.round(process.memoryUsage.rss() / 1024); if (kib > Atomics.load(peak, 0)) Atomics.store(peak, 0, kib); }, 5);`;
new Worker(sampler, { eval: true, workerData: peakKiB }).unref();

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/**
 * One run after a forced GC for memory (peak RSS while it runs, and its growth over the RSS
 * before), then up to three runs without a forced GC for time: a forced full GC made the next
 * small render about twice as slow here, so those runs would overstate the time. A run slower
 * than SLOW_MS is not repeated: the memory run's time is the figure.
 */
async function measure(run: () => Promise<Uint8Array | null>, timeRuns = 3): Promise<Figure> {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the sampler see the post-GC RSS
  const before = rssMiB();
  Atomics.store(peakKiB, 0, 0);
  const memory = await timed(run);
  const peak = Math.max(before, rssMiB(), Atomics.load(peakKiB, 0) / 1024);
  const times = memory.ms > SLOW_MS ? [memory.ms] : [];
  while (times.length < timeRuns && memory.ms <= SLOW_MS) times.push((await timed(run)).ms);
  const bytes = memory.value;
  const isPdf = bytes !== null && Buffer.from(bytes.subarray(0, 5)).toString() === "%PDF-";
  return {
    ms: median(times),
    runs: times.length,
    bytes: bytes?.length ?? 0,
    pages: isPdf ? pageCount(bytes) : null,
    peakMiB: peak,
    growthMiB: peak - before,
  };
}

const DOCUMENTS = [
  { name: "Art. 30(1) controller record", kind: "art30-controller" },
  { name: "Art. 30(2) processor record", kind: "art30-processor" },
  { name: "annex, 8 activities", kind: "annex" },
] as const;
const render = (snapshot: RegisterSnapshot, spec: Omit<DocumentSpec, "draft">) => async () =>
  (await renderDocument(snapshot, { ...spec, draft: false })).bytes;
const freshStore = (): SqliteStore => createSqliteStore(join(mkdtempSync(join(tmpdir(), "bench-documents-")), "register.db"));
const snapshotOf = async (store: SqliteStore) => {
  const asOf = new Date().toISOString();
  return loadSnapshot(store.db, asOf, await lastSeqAt(store.db, asOf));
};
const dispose = (store: SqliteStore) => {
  const file = store.sqlite.name;
  store.close();
  rmSync(dirname(file), { recursive: true, force: true });
};

/** Baseline: the ClearFacts demo register's Art. 30(1) PDF, the document the product renders today, same code path. */
async function baseline(): Promise<number> {
  const store = freshStore();
  await loadDemoData(makeCtx(store, SYSTEM_ACTOR));
  const snapshot = await snapshotOf(store);
  const run = render(snapshot, { kind: "art30-controller", agreementId: null, language: null, format: "pdf" });
  for (let i = 0; i < 3; i++) await run(); // warm-up: font decoding, template setup, JIT
  const ms = (await measure(run, 5)).ms;
  dispose(store);
  return ms;
}

interface Row {
  n: number;
  document: string;
  format: string;
  figure: Figure;
}
async function benchSize(n: number, rows: Row[]) {
  const store = freshStore();
  const t0 = performance.now();
  const { writes, annexAgreementId } = await buildRegister(makeCtx(store, SYSTEM_ACTOR), n);
  const buildMs = performance.now() - t0;
  console.error(`N=${n}: register built in ${(buildMs / 1000).toFixed(1)} s; rendering ...`);
  const snapshotFigure = await measure(async () => {
    await snapshotOf(store);
    return null;
  });
  rows.push({ n, document: "snapshot (loadSnapshot + lastSeqAt)", format: "-", figure: snapshotFigure });
  const snapshot = await snapshotOf(store);
  for (const d of DOCUMENTS) {
    for (const format of ["html", "pdf"] as const) {
      const spec = {
        kind: d.kind,
        agreementId: d.kind === "annex" ? annexAgreementId : null,
        language: d.kind === "annex" ? null : ("en" as const),
        format,
      };
      const figure = await measure(render(snapshot, spec));
      rows.push({ n, document: d.name, format, figure });
      console.error(`  ${d.name} ${format}: ${figure.ms.toFixed(0)} ms`); // progress, on stderr
    }
  }
  dispose(store);
  return { n, buildMs, writes };
}

/** What `wrangler deploy` would upload, compressed as Cloudflare counts it (limit 3 MiB free, 10 MiB paid). */
function workerBundle(): { files: string[]; rawKiB: number; gzipKiB: number } | { error: string } {
  const out = mkdtempSync(join(tmpdir(), "bench-bundle-"));
  const wrangler = spawnSync(join(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", out], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  try {
    if (wrangler.status !== 0)
      return {
        error: `wrangler deploy --dry-run failed (${wrangler.status ?? wrangler.error?.message}): ${(wrangler.stderr + wrangler.stdout).trim().split("\n").slice(-6).join("\n")}`,
      };
    const files = readdirSync(out, { recursive: true, encoding: "utf8" }).filter(
      (f) => !f.endsWith(".map") && f !== "README.md" && statSync(join(out, f)).isFile(),
    );
    const bytes = files.map((f) => readFileSync(join(out, f)));
    return {
      files,
      rawKiB: bytes.reduce((s, b) => s + b.length, 0) / 1024,
      gzipKiB: bytes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0) / 1024,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// ---- Run and report.
console.log(`bench:documents on ${cpus().length} CPUs, Node ${process.version}; sizes ${SIZES.join(", ")}\n`);
const baselineBefore = await baseline();
const rows: Row[] = [];
const builds = [];
for (const n of SIZES) builds.push(await benchSize(n, rows));
const baselineAfter = await baseline(); // again at the end: the two show how much the machine drifted during the run
const base = (baselineBefore + baselineAfter) / 2;
const bundle = workerBundle();

const pad = (s: string | number, w: number) => String(s).padStart(w);
console.log(`Registers, built through the use cases (audited writes, synchronous=FULL); build time is not part of the figures:`);
for (const b of builds)
  console.log(
    `  N=${b.n}: ${b.n} controller + ${b.n} processor activities, ${SUB_PROCESSORS} sub-processors, ${CUSTOMERS} customers with one agreement each: ${b.writes} writes in ${(b.buildMs / 1000).toFixed(1)} s`,
  );
console.log(`\nBaseline: ClearFacts demo register, Art. 30(1) PDF (1 activity, the document rendered today), median of 5, measured`);
console.log(
  `before and after the sizes: ${baselineBefore.toFixed(1)} ms / ${baselineAfter.toFixed(1)} ms; "x base" divides by their mean, ${base.toFixed(1)} ms.`,
);
console.log(
  `Times are medians of 3 runs (1 run when it took over ${SLOW_MS / 1000} s). Memory, from one more run after a forced GC: the peak`,
);
console.log(
  `resident set size (sampled every 5 ms on a separate thread, plus before and after) and its growth over the RSS before the run.`,
);
console.log(`The RSS is the whole process's, which keeps the heap earlier renders grew: "+MiB" is what this render needed beyond that.\n`);
console.log(
  `${"N".padStart(5)}  ${"document".padEnd(36)} fmt  ${pad("ms", 8)} ${pad("runs", 4)} ${pad("x base", 7)} ${pad("KiB", 8)} ${pad("pages", 5)} ${pad("peak RSS MiB", 13)} ${pad("+MiB", 6)}`,
);
for (const { n, document, format, figure: f } of rows) {
  console.log(
    `${pad(n, 5)}  ${document.padEnd(36)} ${format.padEnd(4)} ${pad(f.ms.toFixed(f.ms < 100 ? 1 : 0), 8)} ${pad(f.runs, 4)} ${pad(`${(f.ms / base).toFixed(f.ms < base ? 2 : 1)}x`, 7)} ${pad(f.bytes ? (f.bytes / 1024).toFixed(0) : "-", 8)} ${pad(f.pages ?? "-", 5)} ${pad(f.peakMiB.toFixed(0), 13)} ${pad(f.growthMiB.toFixed(0), 6)}`,
  );
}

// Growth: time ratio divided by size ratio between consecutive sizes; ~1.0 is linear, well above 1 is worse than linear.
const growth: { document: string; format: string; from: number; to: number; timeRatio: number; perSize: number }[] = [];
for (const { document, format } of rows.filter((r) => r.n === SIZES[0])) {
  const series = rows.filter((r) => r.document === document && r.format === format);
  for (let i = 1; i < series.length; i++) {
    const [a, b] = [series[i - 1]!, series[i]!];
    growth.push({
      document,
      format,
      from: a.n,
      to: b.n,
      timeRatio: b.figure.ms / a.figure.ms,
      perSize: b.figure.ms / a.figure.ms / (b.n / a.n),
    });
  }
}
if (growth.length) {
  console.log(
    `\nGrowth (time ratio / size ratio; 1.0 = linear; the annex covers 8 activities at every size, so it ideally stays flat, ~1/size ratio)`,
  );
  for (const g of growth)
    console.log(
      `  ${`${g.document} ${g.format}`.padEnd(42)} ${pad(g.from, 5)} -> ${pad(g.to, 5)}: ${pad(g.timeRatio.toFixed(1), 6)}x time, ${g.perSize.toFixed(2)} per size`,
    );
}

console.log(`\nWorker bundle (wrangler deploy --dry-run, gzip -9 as Cloudflare counts it; limit 3 MiB free / 10 MiB paid):`);
if ("error" in bundle) console.log(`  ${bundle.error}`);
else
  console.log(
    `  ${bundle.files.join(", ")}: ${bundle.rawKiB.toFixed(0)} KiB raw, ${bundle.gzipKiB.toFixed(0)} KiB gzipped (${((bundle.gzipKiB / 1024 / 3) * 100).toFixed(0)}% of the free-plan limit)`,
  );

const target = rows.find((r) => r.n === 1000 && r.format === "pdf" && r.document === DOCUMENTS[0].name)?.figure.ms;
console.log(
  `\nArt. 30(1) PDF with 1,000 activities: ${target === undefined ? "not measured (size 1000 not run)" : `${target.toFixed(0)} ms (target < 2000 ms): ${target < 2000 ? "met" : "NOT met"}`}`,
);
console.log(`Whole run: ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (args.json) {
  const figures = {
    node: process.version,
    cpus: cpus().length,
    baseline: { name: "ClearFacts demo Art. 30(1) PDF", beforeMs: baselineBefore, afterMs: baselineAfter },
    builds,
    rows,
    growth,
    bundle,
    target: { ms: target ?? null, limitMs: 2000 },
  };
  writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
}
