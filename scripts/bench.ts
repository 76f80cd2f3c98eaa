// `./dev bench [--quick]`: one table of the product's figures against floors measured in the same
// run (bare Hono serving the same bytes, raw SQLite commits, bare pdfkit, a bare Hono cold start),
// product and floor rounds alternating, with median and min. Benchmarks report, they do not gate:
// every row says PASS or FAIL against its target and the command exits 0. Results also go to
// test-results/bench.json. The register is generated (bench/register.ts) in a temporary folder.
// Each measure lives in its own module under bench/; this file runs them in order.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type AnnexFigures, annexAtLargerSizes, annexRows, measureAnnex } from "./bench/annex.ts";
import { measureArt30Heap } from "./bench/art30-heap.ts";
import { measureArt30Pdf } from "./bench/art30-pdf.ts";
import { measureColdStart } from "./bench/cold-start.ts";
import { fmt } from "./bench/format.ts";
import { growAgreements } from "./bench/grow-agreements.ts";
import { killAll, stop } from "./bench/processes.ts";
import { measureReads } from "./bench/reads.ts";
import { buildRegister } from "./bench/register.ts";
import { report } from "./bench/report.ts";
import { startService } from "./bench/service.ts";
import type { Run, Settings } from "./bench/types.ts";
import { measureWorkerBundle } from "./bench/worker-bundle.ts";
import { measureWrites } from "./bench/writes.ts";

const { values: args } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const QUICK = args.quick;
const settings: Settings = {
  quick: QUICK,
  sizes: QUICK ? [200, 1000, 5000] : [1000, 10_000, 50_000],
  activities: 1000,
  rounds: QUICK ? 3 : 5,
  loadSeconds: QUICK ? 2 : 3,
  annexRequests: QUICK ? 5 : 10,
};

const started = performance.now();
const run: Run = {
  settings,
  temp: mkdtempSync(join(tmpdir(), "bench-")),
  results: [],
  unmeasured: [],
  log: (line) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${line}\n`),
};
const onSignal = () => {
  killAll();
  rmSync(run.temp, { recursive: true, force: true });
  process.exit(130);
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

const annex: AnnexFigures[] = [];
try {
  run.log(`building the register (${settings.activities} controller activities, history on every entity)`);
  const t0 = performance.now();
  const register = await buildRegister(join(run.temp, "register.db"), settings.activities);
  growAgreements(register, settings.sizes[0]!);
  const buildMs = performance.now() - t0;
  run.log(`built in ${fmt(buildMs / 1000)} s: ${register.agreements} agreements, ${register.auditEntries} audit entries`);

  // Phase 1: the smallest register serves the annex, the reads (1), the Art. 30 PDF (4) and the writes (2).
  const { child: service, base } = await startService(register);
  annex.push(await measureAnnex(run, register, base, service));
  await measureReads(run, register, base, service);
  await measureArt30Pdf(run, register, base, service);
  await measureWrites(run, register, base);
  await stop(service);

  // 3. The annex at the larger sizes, then its rows; 4. the 5,000-activity record in a capped heap;
  // 5. cold start; 6. the Worker bundle.
  await annexAtLargerSizes(run, register, annex);
  run.results.push(...annexRows(annex));
  await measureArt30Heap(run);
  await measureColdStart(run);
  measureWorkerBundle(run);
} catch (error) {
  run.unmeasured.push(`aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  killAll();
  rmSync(run.temp, { recursive: true, force: true });
}

report(run, (performance.now() - started) / 1000);
