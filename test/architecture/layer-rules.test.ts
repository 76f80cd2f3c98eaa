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
      // The JSON report of the whole project is over a megabyte, the default limit.
      maxBuffer: 256 * 1024 * 1024,
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
        "core-has-no-framework-or-driver: src/core/changes/propose.ts -> hono",
        "core-has-no-node-builtins: src/core/changes/propose.ts -> fs",
        "core-stays-inside: src/core/changes/propose.ts -> src/http/route.ts",
        "db-knows-only-value-types: db/schema.ts -> src/core/changes/propose.ts",
        "features-meet-at-their-index: src/core/changes/propose.ts -> src/core/register/entity.ts",
        "http-goes-through-core: src/http/route.ts -> db/schema.ts",
        "http-goes-through-core: src/http/route.ts -> src/platform/node/store.ts",
        "kernel-knows-no-feature: src/core/kernel/errors.ts -> src/core/register/index.ts",
        // register and changes import each other (through their surfaces): the cycle is reported.
        "no-cycles-in-core: src/core/changes/index.ts -> src/core/changes/propose.ts",
        "no-cycles-in-core: src/core/changes/propose.ts -> src/http/route.ts",
        "no-test-code-in-src: src/http/route.ts -> test/helper.ts",
        "outer-layers-meet-features-at-their-index: src/http/route.ts -> src/core/register/entity.ts",
        "platform-does-not-speak-http: src/platform/node/store.ts -> src/http/route.ts",
        "worker-platform-has-no-node: src/platform/worker/d1.ts -> src/platform/node/store.ts",
        "worker-platform-has-no-node-builtins: src/platform/worker/d1.ts -> crypto",
      ].sort(),
    );
  }, 120_000);
});
