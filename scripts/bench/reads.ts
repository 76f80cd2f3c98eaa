// 1. Reads: the product's throughput on three GET routes against bare Hono serving the very bytes
// the product answered, at 10 connections (judged) and 50 (info). The register does not change
// during the load, so the product answers from remembered reads (src/core/kernel/remembered.ts);
// what a read costs when the register has just changed is measured too (info).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { autocannon } from "./autocannon.ts";
import { fmt, mm } from "./format.ts";
import { interleaved } from "./interleaved.ts";
import { type Child, freePort, peakMiB, resetPeak, rssMiB, startNode, stop, waitFor200 } from "./processes.ts";
import type { BenchRegister } from "./register.ts";
import { timed } from "./service.ts";
import { median } from "./stats.ts";
import type { Run } from "./types.ts";

export async function measureReads(run: Run, register: BenchRegister, base: string, service: Child): Promise<void> {
  const { rounds, loadSeconds } = run.settings;
  run.log("reads");
  const reads = [
    { name: "GET /api/v1/agreements", path: "/api/v1/agreements" },
    { name: "GET /api/v1/activities/{id}", path: `/api/v1/activities/${register.activityId}` },
    { name: "GET /public/sub-processors.json", path: "/public/sub-processors.json" },
  ];
  const routes = [];
  for (const [i, read] of reads.entries()) {
    const response = await timed(base + read.path, register.token);
    if (response.status !== 200) throw new Error(`${read.name} answered ${response.status}`);
    const file = join(run.temp, `read-${i}.bin`);
    writeFileSync(file, response.bytes);
    routes.push({ path: read.path, file, headers: sameHeaders(response.headers) });
  }
  writeFileSync(join(run.temp, "routes.json"), JSON.stringify(routes));
  const barePort = await freePort();
  const bare = startNode(["scripts/bench/bare-server.ts"], { PORT: String(barePort), BARE_ROUTES: join(run.temp, "routes.json") });
  const bareBase = `http://127.0.0.1:${barePort}`;
  await waitFor200(`${bareBase}/health`, bare, performance.now());
  const auth = ["-H", `authorization=Bearer ${register.token}`];
  const rssBefore = rssMiB(service.pid);
  resetPeak(service.pid);
  for (const read of reads) {
    for (const connections of [10, 50]) {
      const runs = await interleaved(
        rounds,
        () => autocannon(base + read.path, connections, loadSeconds, auth),
        () => autocannon(bareBase + read.path, connections, loadSeconds, auth),
      );
      const p = runs.product.map((x) => x.rps);
      const f = runs.floor.map((x) => x.rps);
      const ratio = median(p) / median(f);
      const bad = runs.product.reduce((s, x) => s + x.non2xx + x.errors, 0);
      run.results.push({
        row: `1. ${read.name} c=${connections}`,
        product: mm(p, "req/s", 0),
        floor: mm(f, "req/s", 0),
        ratio: `${fmt(ratio, 2)}x`,
        target: connections === 10 ? "≥ 0.4x" : "(info)",
        pass: connections === 10 ? ratio >= 0.4 : null,
        notes: bad ? `${bad} non-2xx/errors` : "",
        data: { product: p, floor: f },
      });
      run.log(`${read.name} c=${connections}: ${fmt(median(p), 0)} vs ${fmt(median(f), 0)} req/s`);
    }
  }
  run.results.push({
    row: "1. Server memory under the read load",
    product: `${fmt(peakMiB(service.pid))} MiB peak RSS`,
    floor: `${fmt(peakMiB(bare.pid))} MiB (bare Hono)`,
    ratio: "-",
    target: "(info)",
    pass: null,
    notes: `${fmt(rssBefore)} MiB before the load`,
  });
  await measureReadAfterWrite(run, register, base, bareBase);
  await stop(bare);
}

/** What the product's answer carried besides what Node's HTTP server adds itself: the floor sends the same (security headers, request id, ETag). */
function sameHeaders(headers: Headers): Record<string, string> {
  const added = new Set(["date", "content-length", "connection", "keep-alive", "transfer-encoding"]);
  return Object.fromEntries([...headers].filter(([name]) => !added.has(name)));
}

/** One list read right after a write (so nothing is remembered) against bare Hono's answer, one request at a time. */
async function measureReadAfterWrite(run: Run, register: BenchRegister, base: string, bareBase: string): Promise<void> {
  const list = "/api/v1/agreements";
  const write = () =>
    timed(`${base}/api/v1/data-categories`, register.token, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: { en: "Bench category (read after write)" }, special: "none" }),
    });
  const requests = run.settings.quick ? 100 : 300;
  const runs = await interleaved(
    run.settings.rounds,
    async () => {
      const ms: number[] = [];
      for (let i = 0; i < requests; i++) {
        if ((await write()).status !== 201) throw new Error("POST /api/v1/data-categories failed");
        ms.push((await timed(base + list, register.token)).ms);
      }
      return median(ms);
    },
    async () => {
      const ms: number[] = [];
      for (let i = 0; i < requests; i++) ms.push((await timed(bareBase + list, register.token)).ms);
      return median(ms);
    },
  );
  run.results.push({
    row: `1. GET ${list} right after a write (latency)`,
    product: mm(runs.product, "ms", 2),
    floor: mm(runs.floor, "ms", 2),
    ratio: `${fmt(median(runs.product) / median(runs.floor), 2)}x`,
    target: "(info)",
    pass: null,
    notes: "nothing remembered: the page is read and serialised again",
    data: runs,
  });
}
