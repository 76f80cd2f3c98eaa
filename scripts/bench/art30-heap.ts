// 4. The Art. 30(1) record of 5,000 activities from a service whose heap is capped at 128 MiB
// (--max-old-space-size=128, what a Worker isolate allows): it must answer, not run out of memory.
import { join } from "node:path";
import { fmt } from "./format.ts";
import { ask, stop } from "./processes.ts";
import { buildRegister } from "./register.ts";
import { startService, timed } from "./service.ts";
import type { Run } from "./types.ts";

const ACTIVITIES = 5000;
const HEAP_MIB = 128;

export async function measureArt30Heap(run: Run): Promise<void> {
  run.log(`Art. 30(1) PDF of ${ACTIVITIES} activities in a ${HEAP_MIB} MiB heap (building the register)`);
  const register = await buildRegister(join(run.temp, "art30-heap.db"), ACTIVITIES);
  const { child: service, base } = await startService(register, [`--max-old-space-size=${HEAP_MIB}`]);
  try {
    // The render holds the event loop, so the heap is read before and after, not sampled during it.
    const before = await ask<{ heapUsed: number }>(service, "memory");
    const pdf = await timed(`${base}/api/v1/documents/art30-controller?format=pdf`, register.token).catch((error: Error) => ({
      status: 0,
      ms: 0,
      bytes: Buffer.alloc(0),
      error,
    }));
    const answered = pdf.status === 200;
    const after = answered ? await ask<{ heapUsed: number }>(service, "memory") : undefined;
    run.results.push({
      row: `4. Art. 30(1) PDF, ${ACTIVITIES} activities, heap capped at ${HEAP_MIB} MiB`,
      product: answered ? `${fmt(pdf.ms, 0)} ms, ${fmt(pdf.bytes.length / 2 ** 20)} MiB PDF` : `failed (${pdf.status || "no answer"})`,
      floor: "-",
      ratio: "-",
      target: `answers within ${HEAP_MIB} MiB`,
      pass: answered && service.process.exitCode === null,
      notes: `heap used ${fmt(before.heapUsed / 2 ** 20)} MiB before the request${after ? `, ${fmt(after.heapUsed / 2 ** 20)} MiB after` : ""}; an exhausted heap ends the process`,
    });
  } finally {
    await stop(service);
  }
}
