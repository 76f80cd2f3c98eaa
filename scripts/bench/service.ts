// The product under test: the Node entry on the benchmark's register, with the probe that answers
// memory questions, and single timed requests to it.
import type { BenchRegister } from "./register.ts";
import { type Child, freePort, startNode, waitFor200 } from "./processes.ts";

export async function startService(register: BenchRegister): Promise<{ child: Child; base: string }> {
  const port = await freePort();
  const child = startNode(
    ["--import", "./scripts/bench/probe.ts", "src/entry/node.ts"],
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
