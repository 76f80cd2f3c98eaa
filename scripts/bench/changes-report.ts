// The changes benchmark's report: setup, the figures table (Markdown), growth between sizes, what
// one announcement wrote and the 10,000-agreement target on stdout, and optionally all of it as JSON.
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import type { Row } from "./changes-measure.ts";
import { median, pad } from "./stats.ts";

const TARGET_N = 10_000;
const TARGET_MS = 1000;
const min = (xs: number[]) => Math.min(...xs);

export interface ChangesRun {
  sizes: number[];
  runs: number;
  rows: Row[];
  setups: { n: number; setupMs: number }[];
  /** performance.now() when the run started. */
  started: number;
  /** Where to write the figures as JSON, if asked. */
  json: string | undefined;
}

export function printChangesReport({ sizes, runs, rows, setups, started, json }: ChangesRun): void {
  const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
  const baseOf = (n: number) => median(rows.find((r) => r.n === n && r.path.startsWith("baseline"))!.samples);
  console.log(`Setup (not timed): organisation, 1 processor activity, N customers with one active agreement each covering it`);
  console.log(`(en/nl/fr in turn, 1 in 10 prior specific authorisation, 15 calendar days' notice, BE, Europe/Brussels), on a file`);
  console.log(`database (WAL, synchronous=FULL): ${setups.map((s) => `N=${s.n} in ${(s.setupMs / 1000).toFixed(1)} s`).join(", ")}.`);
  console.log(`Each run announces a new vendor to all N agreements; the rows are counted back after every run (N notices, N/10`);
  console.log(`authorisation requests, N audit entries, N e-mails, the announce entry). The register keeps every run's rows.`);
  console.log(`Times: median and min of ${runs} runs after one warm-up; "vs bare" divides by the median bare insert at that N;`);
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
  for (const path of rows.filter((r) => r.n === sizes[0] && !r.path.startsWith("  ")).map((r) => r.path)) {
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
  if (json) {
    const figures = {
      node: process.version,
      cpus: cpus().length,
      runs,
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
    writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`);
  }
}
