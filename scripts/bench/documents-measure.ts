// The documents benchmark's measurements: wall time and resident memory of one render, for the
// baseline (the demo register) and for each generated register size.
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { loadDemoData } from "../../src/core/demo/load-demo-data.ts";
import { lastSeqAt, loadSnapshot, type RegisterSnapshot } from "../../src/core/documents/register-snapshot.ts";
import { type DocumentSpec, renderDocument } from "../../src/core/documents/render-document.ts";
import type { SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { buildRegister } from "./documents-register.ts";
import { sampleRun } from "./peak-memory.ts";
import { median } from "./stats.ts";
import { dispose, freshStore } from "./temp-store.ts";

export const SLOW_MS = 10_000; // a render slower than this is run once, not three times

export interface Figure {
  ms: number;
  runs: number;
  bytes: number;
  pages: number | null;
  peakMiB: number;
  growthMiB: number;
}
/** pdfkit writes one "/Type /Page" dictionary per page (and "/Type /Pages" for the page tree). */
const pageCount = (bytes: Uint8Array) =>
  (
    Buffer.from(bytes)
      .toString("latin1")
      .match(/\/Type \/Page(?!s)/g) ?? []
  ).length;

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
  // GC only when the process was started with --expose-gc, as the npm script does.
  const memory = await sampleRun(run, () => globalThis.gc?.());
  const times = memory.ms > SLOW_MS ? [memory.ms] : [];
  while (times.length < timeRuns && memory.ms <= SLOW_MS) times.push((await timed(run)).ms);
  const bytes = memory.value;
  const isPdf = bytes !== null && Buffer.from(bytes.subarray(0, 5)).toString() === "%PDF-";
  return {
    ms: median(times),
    runs: times.length,
    bytes: bytes?.length ?? 0,
    pages: isPdf ? pageCount(bytes) : null,
    peakMiB: memory.peakMiB,
    growthMiB: memory.growthMiB,
  };
}

export const DOCUMENTS = [
  { name: "Art. 30(1) controller record", kind: "art30-controller" },
  { name: "Art. 30(2) processor record", kind: "art30-processor" },
  { name: "annex, 8 activities", kind: "annex" },
] as const;
const render = (snapshot: RegisterSnapshot, spec: Omit<DocumentSpec, "draft">) => async () =>
  (await renderDocument(snapshot, { ...spec, draft: false })).bytes;
const PREFIX = "bench-documents-";
const snapshotOf = async (store: SqliteStore) => {
  const asOf = new Date().toISOString();
  return loadSnapshot(store.db, asOf, await lastSeqAt(store.db, asOf));
};

/** Baseline: the ClearFacts demo register's Art. 30(1) PDF, the document the product renders today, same code path. */
export async function baseline(): Promise<number> {
  const store = freshStore(PREFIX);
  await loadDemoData(makeCtx(store, SYSTEM_ACTOR));
  const snapshot = await snapshotOf(store);
  const run = render(snapshot, { kind: "art30-controller", agreementId: null, language: null, format: "pdf" });
  for (let i = 0; i < 3; i++) await run(); // warm-up: font decoding, template setup, JIT
  const ms = (await measure(run, 5)).ms;
  dispose(store);
  return ms;
}

export interface Row {
  n: number;
  document: string;
  format: string;
  figure: Figure;
}
export interface Build {
  n: number;
  buildMs: number;
  writes: number;
}
export async function benchSize(n: number, rows: Row[]): Promise<Build> {
  const store = freshStore(PREFIX);
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
