// The product under test: the service as `./dev start` runs it (the esbuild bundle, built here if
// the sources changed) on the benchmark's register, with the probe that answers memory
// questions, and single timed requests to it.
import { spawnSync } from "node:child_process";
import type { BenchRegister } from "./register.ts";
import { type Child, freePort, startNode, waitFor200 } from "./processes.ts";

/** The service's entry as `./dev start` runs it. */
export const SERVICE_BUNDLE = "dist/node/server/node.js";

/** Builds the bundle unless it is current (scripts/build-server.ts skips an up-to-date build). */
export function buildService(): void {
  const build = spawnSync(process.execPath, ["scripts/build-server.ts"], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (build.status !== 0) throw new Error(`scripts/build-server.ts failed: ${build.stderr}`);
}

export async function startService(register: BenchRegister, nodeOptions: string[] = []): Promise<{ child: Child; base: string }> {
  buildService();
  const port = await freePort();
  const child = startNode(
    [...nodeOptions, "--import", "./scripts/bench/probe.ts", SERVICE_BUNDLE],
    {
      DATABASE_PATH: register.path,
      PORT: String(port),
      DEMO_DATA: "false",
    },
    true,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/health`, child, performance.now());
  return { child, base };
}

/** One timed request; the body is read to the end. */
export async function timed(
  url: string,
  token: string,
  init: RequestInit = {},
): Promise<{ ms: number; bytes: Buffer; type: string; status: number; headers: Headers }> {
  const start = performance.now();
  const response = await fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    ms: performance.now() - start,
    bytes,
    type: response.headers.get("content-type") ?? "",
    status: response.status,
    headers: response.headers,
  };
}
