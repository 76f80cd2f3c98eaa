// 5. Cold start: wall time to the first 200 on /health, CPU time and RSS at that moment, of the
// product (on an already migrated database) against a bare Hono server.
import { join } from "node:path";
import { fmt, mm } from "./format.ts";
import { interleaved } from "./interleaved.ts";
import { cpuMs, freePort, rssMiB, startNode, stop, waitFor200 } from "./processes.ts";
import { median } from "./stats.ts";
import { buildService, SERVICE_BUNDLE } from "./service.ts";
import type { Run } from "./types.ts";

async function cold(args: string[], env: Record<string, string>) {
  const port = await freePort();
  const since = performance.now();
  const child = startNode(args, { ...env, PORT: String(port) });
  try {
    const ms = await waitFor200(`http://127.0.0.1:${port}/health`, child, since);
    return { ms, cpu: cpuMs(child.pid), rss: rssMiB(child.pid) };
  } finally {
    await stop(child);
  }
}

export async function measureColdStart(run: Run): Promise<void> {
  run.log("cold start");
  // What `./dev start` runs: the esbuild bundle (built here if the sources changed), not the .ts files.
  buildService();
  const productArgs = [SERVICE_BUNDLE];
  const productEnv = { DATABASE_PATH: join(run.temp, "cold.db"), DEMO_DATA: "false" };
  await cold(productArgs, productEnv); // creates and migrates the database: not a measured start
  const starts = await interleaved(
    run.settings.rounds,
    () => cold(productArgs, productEnv),
    () => cold(["scripts/bench/bare-server.ts"], {}),
  );
  const startRatio = median(starts.product.map((s) => s.ms)) / median(starts.floor.map((s) => s.ms));
  run.results.push({
    row: "5. Cold start to 200 /health (wall)",
    product: mm(
      starts.product.map((s) => s.ms),
      "ms",
      0,
    ),
    floor: mm(
      starts.floor.map((s) => s.ms),
      "ms",
      0,
    ),
    ratio: `${fmt(startRatio, 2)}x`,
    target: "≤ 3x",
    pass: startRatio <= 3,
    notes: `CPU ${fmt(median(starts.product.map((s) => s.cpu)), 0)} vs ${fmt(median(starts.floor.map((s) => s.cpu)), 0)} ms`,
    data: starts,
  });
  const readyRss = median(starts.product.map((s) => s.rss));
  run.results.push({
    row: "5. RSS at ready",
    product: `${fmt(readyRss)} MiB`,
    floor: `${fmt(median(starts.floor.map((s) => s.rss)))} MiB`,
    ratio: `${fmt(readyRss / median(starts.floor.map((s) => s.rss)), 2)}x`,
    target: "< 150 MiB",
    pass: readyRss < 150,
    notes: "",
  });
}
