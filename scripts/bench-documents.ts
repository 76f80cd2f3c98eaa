// `./dev bench:documents [--sizes 100,1000] [--json file]`: time and peak memory to render the
// Art. 30 records and one DPA annex, HTML and PDF, for generated registers of 100, 1,000 and
// 5,000 activities, how the cost grows, and the Worker bundle's compressed size. Times are also
// printed as ratios to a baseline measured in the same run (the machines are noisy; ratios
// travel, absolute times do not). The register, the measuring and the report are in bench/.
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { benchSize, baseline, type Row } from "./bench/documents-measure.ts";
import { printDocumentsReport } from "./bench/documents-report.ts";
import { startPeakSampler } from "./bench/peak-memory.ts";
import { workerBundle } from "./bench/worker-bundle.ts";

const { values: args } = parseArgs({ options: { sizes: { type: "string", default: "100,1000,5000" }, json: { type: "string" } } });
const SIZES = args.sizes
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const started = performance.now();
startPeakSampler();

console.log(`bench:documents on ${cpus().length} CPUs, Node ${process.version}; sizes ${SIZES.join(", ")}\n`);
const baselineBefore = await baseline();
const rows: Row[] = [];
const builds = [];
for (const n of SIZES) builds.push(await benchSize(n, rows));
const baselineAfter = await baseline(); // again at the end: the two show how much the machine drifted during the run
const bundle = workerBundle();
printDocumentsReport({ sizes: SIZES, builds, rows, baselineBefore, baselineAfter, bundle, started, json: args.json });
