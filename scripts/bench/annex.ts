// 3. The annex PDF of one agreement as the register grows: the smallest size is the floor, the
// largest must stay within 2x of it and under 100 ms. Heap and peak RSS growth per request too.
import { fmt, mm } from "./format.ts";
import { growAgreements } from "./grow-agreements.ts";
import { ask, type Child, peakMiB, resetPeak, rssMiB, stop } from "./processes.ts";
import type { BenchRegister } from "./register.ts";
import { startService, timed } from "./service.ts";
import { measureSearch } from "./search.ts";
import { median } from "./stats.ts";
import type { Row, Run } from "./types.ts";

export interface AnnexFigures {
  agreements: number;
  auditEntries: number;
  ms: number[];
  heapGrowthMiB: number[];
  rssPeakGrowthMiB: number[];
  pdfBytes: number;
}

/** The annex export at the register's current size, on a running service. */
export async function measureAnnex(run: Run, register: BenchRegister, base: string, child: Child): Promise<AnnexFigures> {
  const url = `${base}/api/v1/documents/annex/${register.annexAgreementId}?format=pdf`;
  const warm = await timed(url, register.token);
  if (warm.status !== 200) throw new Error(`annex export answered ${warm.status}: ${warm.bytes.toString().slice(0, 300)}`);
  const ms: number[] = [];
  const heap: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < run.settings.annexRequests; i++) {
    const before = await ask<{ heapUsed: number; rss: number }>(child, "memory");
    resetPeak(child.pid);
    const rssBefore = rssMiB(child.pid);
    const response = await timed(url, register.token);
    if (response.status !== 200) throw new Error(`annex export answered ${response.status}`);
    ms.push(response.ms);
    rss.push(peakMiB(child.pid) - rssBefore);
    const after = await ask<{ heapUsed: number; rss: number }>(child, "memory");
    heap.push((after.heapUsed - before.heapUsed) / 2 ** 20);
  }
  return {
    agreements: register.agreements,
    auditEntries: register.auditEntries,
    ms,
    heapGrowthMiB: heap,
    rssPeakGrowthMiB: rss,
    pdfBytes: warm.bytes.length,
  };
}

/** The register grown with clones of the template agreement and its history to each larger size, a fresh service measuring each. */
export async function annexAtLargerSizes(run: Run, register: BenchRegister, annex: AnnexFigures[]): Promise<void> {
  for (const size of run.settings.sizes.slice(1)) {
    run.log(`growing to ${size} agreements`);
    const g0 = performance.now();
    growAgreements(register, size);
    run.log(`grown in ${fmt((performance.now() - g0) / 1000)} s (${register.auditEntries} audit entries); annex`);
    const { child, base } = await startService(register);
    annex.push(await measureAnnex(run, register, base, child));
    // 7. Search, at the largest size.
    if (size === run.settings.sizes.at(-1)) await measureSearch(run, register, base);
    await stop(child);
  }
}

/** One row per size; the first size is the floor, only the last is judged. */
export function annexRows(annex: AnnexFigures[]): Row[] {
  const first = annex[0]!;
  return annex.map((a) => {
    const ratio = median(a.ms) / median(first.ms);
    const last = a === annex[annex.length - 1];
    return {
      row: `3. Annex PDF, ${a.agreements} agreements`,
      product: mm(a.ms, "ms"),
      floor: a === first ? "(the floor)" : `${fmt(median(first.ms))} ms at ${first.agreements}`,
      ratio: `${fmt(ratio, 2)}x`,
      target: last ? "≤ 2x and < 100 ms" : "(info)",
      pass: last ? ratio <= 2 && median(a.ms) < 100 : null,
      notes: `${a.auditEntries} audit entries; heap +${fmt(median(a.heapGrowthMiB))} MiB, peak RSS +${fmt(median(a.rssPeakGrowthMiB))} MiB`,
      data: a,
    };
  });
}
