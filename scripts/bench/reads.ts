// 1. Reads: the product's throughput on three GET routes against bare Hono serving the very bytes
// the product answered, at 10 connections (judged) and 50 (info).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { autocannon } from "./autocannon.ts";
import { fmt, mm } from "./format.ts";
import { interleaved } from "./interleaved.ts";
import { freePort, startNode, stop, waitFor200 } from "./processes.ts";
import type { BenchRegister } from "./register.ts";
import { timed } from "./service.ts";
import { median } from "./stats.ts";
import type { Run } from "./types.ts";

export async function measureReads(run: Run, register: BenchRegister, base: string): Promise<void> {
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
    routes.push({ path: read.path, file, contentType: response.type });
  }
  writeFileSync(join(run.temp, "routes.json"), JSON.stringify(routes));
  const barePort = await freePort();
  const bare = startNode(["scripts/bench/bare-server.ts"], { PORT: String(barePort), BARE_ROUTES: join(run.temp, "routes.json") });
  const bareBase = `http://127.0.0.1:${barePort}`;
  await waitFor200(`${bareBase}/health`, bare, performance.now());
  const auth = ["-H", `authorization=Bearer ${register.token}`];
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
  await stop(bare);
}
