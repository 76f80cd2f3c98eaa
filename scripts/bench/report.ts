// The benchmark's report: a machine header, the table (every row PASS, FAIL or info against its
// target), what could not be measured, on stdout; the same with the raw figures in test-results/bench.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fmt } from "./format.ts";
import { ROOT } from "./processes.ts";
import type { Run } from "./types.ts";

const verdict = (pass: boolean | null) => (pass === null ? "info" : pass ? "PASS" : "FAIL");

export function report({ settings, results, unmeasured }: Run, totalS: number): void {
  const { quick, sizes, activities, rounds, loadSeconds } = settings;
  const cpu = cpus();
  const header = [
    `bench${quick ? " --quick" : ""}: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${fmt(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
    `register: ${activities} controller activities, annex sizes ${sizes.join(" / ")} agreements; ${rounds} interleaved rounds, load ${loadSeconds} s per round; figures are median [min]`,
  ];
  const columns = ["Measure", "Product", "Floor", "Ratio", "Target", "Result", "Notes"] as const;
  const table = results.map((r) => [r.row, r.product, r.floor, r.ratio, r.target, verdict(r.pass), r.notes]);
  const widths = columns.map((c, i) => Math.max(c.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(header.join("\n"));
  console.log();
  console.log(line(columns));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of table) console.log(line(row));
  for (const note of unmeasured) console.log(`\nNot measured: ${note}`);
  console.log(`\nTotal run time ${fmt(totalS)} s`);
  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  writeFileSync(
    join(ROOT, "test-results/bench.json"),
    `${JSON.stringify({ header, quick, totalSeconds: totalS, results, unmeasured }, null, 2)}\n`,
  );
}
