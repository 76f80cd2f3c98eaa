// HTTP load from autocannon in its own process (its load generation then competes with the server
// the same way for product and floor).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./processes.ts";

export interface Load {
  rps: number;
  non2xx: number;
  errors: number;
}

/** `seconds` of load on `url` from `connections` connections; `extra` are more autocannon arguments. */
export function autocannon(url: string, connections: number, seconds: number, extra: string[] = []): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(ROOT, "node_modules/.bin/autocannon"),
      ["-j", "-c", String(connections), "-d", String(seconds), ...extra, url],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      try {
        const json = JSON.parse(out) as { requests: { average: number }; non2xx: number; errors: number };
        resolve({ rps: json.requests.average, non2xx: json.non2xx, errors: json.errors });
      } catch {
        reject(new Error(`autocannon exited ${code}: ${out.slice(0, 500)}`));
      }
    });
  });
}
