// The documents benchmark's report: the figures table, growth between sizes, the Worker bundle
// and the 1,000-activity target on stdout, and optionally all of it as JSON.
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { CUSTOMERS, SUB_PROCESSORS } from "./documents-register.ts";
import { type Build, DOCUMENTS, type Row, SLOW_MS } from "./documents-measure.ts";
import { pad } from "./stats.ts";
import type { workerBundle } from "./worker-bundle.ts";

export interface DocumentsRun {
  sizes: number[];
  builds: Build[];
  rows: Row[];
  baselineBefore: number;
  baselineAfter: number;
  bundle: ReturnType<typeof workerBundle>;
  /** performance.now() when the run started. */
  started: number;
  /** Where to write the figures as JSON, if asked. */
  json: string | undefined;
}

export function printDocumentsReport({ sizes, builds, rows, baselineBefore, baselineAfter, bundle, started, json }: DocumentsRun): void {
  const base = (baselineBefore + baselineAfter) / 2;
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
  console.log(
    `The RSS is the whole process's, which keeps the heap earlier renders grew: "+MiB" is what this render needed beyond that.\n`,
  );
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
  for (const { document, format } of rows.filter((r) => r.n === sizes[0])) {
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
  if (json) {
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
    writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`);
  }
}
