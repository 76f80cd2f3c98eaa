// Peak memory of one call, for the benchmarks. The RSS sampler runs on its own thread: rendering
// and announcing are mostly synchronous, so a timer on the main thread would hardly ever fire
// during a run. It keeps the highest RSS seen, in KiB.
import { Worker } from "node:worker_threads";

const peakKiB = new Int32Array(new SharedArrayBuffer(4));
const sampler = `const { workerData: peak } = require("node:worker_threads");
setInterval(() => { const kib = Math.round(process.memoryUsage.rss() / 1024); if (kib > Atomics.load(peak, 0)) Atomics.store(peak, 0, kib); }, 5);`;

/** Starts the sampler thread; it does not keep the process alive. */
export function startPeakSampler(): void {
  new Worker(sampler, { eval: true, workerData: peakKiB }).unref();
}

export const rssMiB = () => process.memoryUsage.rss() / 2 ** 20;

export interface Sampled<T> {
  ms: number;
  value: T;
  /** The process's highest RSS during the run (and just before and after it). */
  peakMiB: number;
  /** That peak above the RSS before the run: what the run needed beyond what earlier runs left. */
  growthMiB: number;
}

/** One run after `gc()` (a full GC where the process allows it): its wall time, and its peak RSS and growth over the RSS before. */
export async function sampleRun<T>(run: () => Promise<T>, gc: () => void): Promise<Sampled<T>> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the sampler see the post-GC RSS
  const before = rssMiB();
  Atomics.store(peakKiB, 0, 0);
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  const peak = Math.max(before, rssMiB(), Atomics.load(peakKiB, 0) / 1024);
  return { ms, value, peakMiB: peak, growthMiB: peak - before };
}
