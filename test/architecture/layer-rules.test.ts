import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruiser.mjs");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Runs the project's layer rules over `cwd` and returns the violations (the checker exits non-zero on any). */
function violations(cwd: string): Violation[] {
  try {
    const out = execFileSync(process.execPath, [DEPCRUISE, "src", "db", "--config", CONFIG, "--output-type", "json"], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? "";
    return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
  }
}

describe("the layer rules (.dependency-cruiser.cjs)", () => {
  it("hold on the project itself", () => {
    expect(violations(ROOT)).toEqual([]);
  }, 120_000);

  it("catch each kind of break in a deliberately broken tree", () => {
    // A package resolves to wherever npm put it: name it by its package.
    const found = violations(join(import.meta.dirname, "broken")).map(
      (v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^.*node_modules\/([^/]+)\/.*$/, "$1")}`,
    );
    expect(found.sort()).toEqual(
      [
        "core-has-no-framework-or-driver: src/core/use-case.ts -> hono",
        "core-has-no-node-builtins: src/core/use-case.ts -> fs",
        "core-stays-inside: src/core/use-case.ts -> src/http/route.ts",
        "db-knows-only-value-types: db/schema.ts -> src/core/use-case.ts",
        "http-goes-through-core: src/http/route.ts -> db/schema.ts",
        "http-goes-through-core: src/http/route.ts -> src/storage/store.ts",
      ].sort(),
    );
  }, 120_000);
});
