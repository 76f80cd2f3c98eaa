// 4. The Art. 30(1) PDF against bare pdfkit writing the same pages and text (taken from the
// product's PDF with pdftotext), time and peak RSS growth per render.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fmt, mm } from "./format.ts";
import { interleaved } from "./interleaved.ts";
import { ask, type Child, peakMiB, resetPeak, rssMiB, startNode, stop } from "./processes.ts";
import type { BenchRegister } from "./register.ts";
import { timed } from "./service.ts";
import { median } from "./stats.ts";
import type { Run } from "./types.ts";

export async function measureArt30Pdf(run: Run, register: BenchRegister, base: string, service: Child): Promise<void> {
  const { temp } = run;
  run.log("Art. 30(1) PDF");
  const art30Url = `${base}/api/v1/documents/art30-controller?format=pdf`;
  const art30 = await timed(art30Url, register.token);
  if (art30.status !== 200) throw new Error(`art30 answered ${art30.status}`);
  writeFileSync(join(temp, "art30.pdf"), art30.bytes);
  const text = spawnSync("pdftotext", [join(temp, "art30.pdf"), join(temp, "art30.txt")], { encoding: "utf8" });
  if (text.status !== 0) {
    run.unmeasured.push(`4. Art. 30(1) PDF: pdftotext failed: ${text.stderr || text.error?.message}`);
    return;
  }
  const floor = startNode(["scripts/bench/pdf-floor.ts"], {}, true);
  const productPeak: number[] = [];
  const floorPeak: number[] = [];
  let floorPages = 0;
  const runs = await interleaved(
    run.settings.rounds,
    async () => {
      resetPeak(service.pid);
      const before = rssMiB(service.pid);
      const r = await timed(art30Url, register.token);
      productPeak.push(peakMiB(service.pid) - before);
      return r.ms;
    },
    async () => {
      resetPeak(floor.pid);
      const before = rssMiB(floor.pid);
      const r = await ask<{ ms: number; pages: number }>(floor, { render: join(temp, "art30.txt") });
      floorPeak.push(peakMiB(floor.pid) - before);
      floorPages = r.pages;
      return r.ms;
    },
  );
  await stop(floor);
  const ratio = median(runs.product) / median(runs.floor);
  run.results.push({
    row: `4. Art. 30(1) PDF, ${run.settings.activities} activities`,
    product: mm(runs.product, "ms"),
    floor: mm(runs.floor, "ms"),
    ratio: `${fmt(ratio, 2)}x`,
    target: "≤ 1.3x",
    pass: ratio <= 1.3,
    notes: `peak RSS growth ${fmt(median(productPeak))} vs ${fmt(median(floorPeak))} MiB; ${floorPages} pages, ${fmt(art30.bytes.length / 1024, 0)} KiB`,
    data: { product: runs.product, floor: runs.floor, productPeakGrowthMiB: productPeak, floorPeakGrowthMiB: floorPeak },
  });
}
