// `./dev bench:changes [--sizes 1000,10000,20000] [--runs 5] [--json file]`: what announcing one
// sub-processor change costs when N active agreements cover the activity it concerns. Announcing
// writes, in one atomic unit, the change, one notice per agreement, one audit entry per notice and
// one outbox e-mail per notice. Times go through the real use cases (proposeChange with
// `announce: true`, and announceChange of a proposed change) on a file database with the
// production pragmas, and are printed as ratios to a bare SQLite insert of the same rows measured
// in the same run (the machines are noisy; ratios travel, absolute times do not). After every run
// the rows are counted back, so the figures also show that nothing was dropped. The register, the
// measuring, the baseline and the report are in bench/.
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { benchSize, type Row } from "./bench/changes-measure.ts";
import { printChangesReport } from "./bench/changes-report.ts";
import { startPeakSampler } from "./bench/peak-memory.ts";

const { values: args } = parseArgs({
  options: { sizes: { type: "string", default: "1000,10000,20000" }, runs: { type: "string", default: "5" }, json: { type: "string" } },
});
const SIZES = args.sizes
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const RUNS = Math.max(1, Number(args.runs));
const started = performance.now();
startPeakSampler();

console.log(`bench:changes on ${cpus().length} CPUs, Node ${process.version}; sizes ${SIZES.join(", ")}; ${RUNS} runs each\n`);
const rows: Row[] = [];
const setups: { n: number; setupMs: number }[] = [];
for (const n of SIZES) {
  const result = await benchSize(n, RUNS);
  rows.push(...result.rows);
  setups.push({ n, setupMs: result.setupMs });
}
printChangesReport({ sizes: SIZES, runs: RUNS, rows, setups, started, json: args.json });
