// 6. The Worker bundle's size: what `wrangler deploy --dry-run` writes, gzipped, under 700 KiB.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fmt } from "./format.ts";
import type { Run } from "./types.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** What `wrangler deploy` would upload, compressed as Cloudflare counts it (limit 3 MiB free, 10 MiB paid). */
export function workerBundle(): { files: string[]; rawKiB: number; gzipKiB: number } | { error: string } {
  const out = mkdtempSync(join(tmpdir(), "bench-bundle-"));
  const wrangler = spawnSync(join(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", out], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  try {
    if (wrangler.status !== 0)
      return {
        error: `wrangler deploy --dry-run failed (${wrangler.status ?? wrangler.error?.message}): ${(wrangler.stderr + wrangler.stdout).trim().split("\n").slice(-6).join("\n")}`,
      };
    const files = readdirSync(out, { recursive: true, encoding: "utf8" }).filter(
      (f) => !f.endsWith(".map") && f !== "README.md" && statSync(join(out, f)).isFile(),
    );
    const bytes = files.map((f) => readFileSync(join(out, f)));
    return {
      files,
      rawKiB: bytes.reduce((s, b) => s + b.length, 0) / 1024,
      gzipKiB: bytes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0) / 1024,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function measureWorkerBundle(run: Run): void {
  run.log("worker bundle (wrangler deploy --dry-run)");
  const bundle = workerBundle();
  if ("error" in bundle) run.unmeasured.push(`6. Worker bundle: ${bundle.error}`);
  else
    run.results.push({
      row: "6. Worker bundle, gzip",
      product: `${fmt(bundle.gzipKiB)} KiB`,
      floor: "-",
      ratio: "-",
      target: "< 700 KiB",
      pass: bundle.gzipKiB < 700,
      notes: `raw ${fmt(bundle.rawKiB)} KiB, ${bundle.files.length} files`,
      data: bundle,
    });
}
