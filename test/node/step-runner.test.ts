import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { duration, runSteps } from "../../scripts/step-runner.ts";
import { tempDir } from "./helpers.ts";

const node = (code: string) => [process.execPath, "-e", code];

/** A step that writes a vitest-shaped JSON report. */
function reportStep(
  dir: string,
  name: string,
  report: { numPassedTests: number; numFailedTests: number; success: boolean },
  exitCode: number,
) {
  const path = join(dir, `${name}.json`);
  return {
    name,
    report: path,
    command: node(
      `require("fs").writeFileSync(${JSON.stringify(path)}, ${JSON.stringify(JSON.stringify(report))}); process.exit(${exitCode})`,
    ),
  };
}

describe("the test command's step runner", () => {
  it("says when each step starts and ends, with its counts and duration, and closes with N passed, N failed", () => {
    const dir = tempDir();
    const lines: string[] = [];
    const totals = runSteps(
      [
        { name: "build", command: node("process.exit(0)") },
        reportStep(dir, "suite A", { numPassedTests: 7, numFailedTests: 0, success: true }, 0),
        reportStep(dir, "suite B", { numPassedTests: 3, numFailedTests: 2, success: false }, 1),
      ],
      (line) => lines.push(line),
    );
    const text = lines.join("\n");
    expect(text).toMatch(/^== \[1\/3\] build: started at \d\d:\d\d:\d\d$/m);
    expect(text).toMatch(/^== \[1\/3\] build: ok in \d+ s \(\d+ s so far\)$/m);
    expect(text).toMatch(/^== \[2\/3\] suite A: 7 passed, 0 failed in \d+ s/m);
    expect(text).toMatch(/^== \[3\/3\] suite B: 3 passed, 2 failed in \d+ s/m);
    expect(lines.at(-1)).toBe("\n10 passed, 2 failed");
    expect(totals).toEqual({ passed: 10, failed: 2, broken: false });
  });

  it("counts a failed step without tests, a suite that would not load and a missing report as failures", () => {
    const dir = tempDir();
    const missingReport = join(dir, "never-written.json");
    const lines: string[] = [];
    const totals = runSteps(
      [
        { name: "type-check", command: node("process.exit(2)") },
        reportStep(dir, "unloadable", { numPassedTests: 0, numFailedTests: 0, success: false }, 1),
        { name: "crashed", command: node("process.exit(1)"), report: missingReport },
      ],
      (line) => lines.push(line),
    );
    expect(lines.join("\n")).toMatch(/^== \[1\/3\] type-check: FAILED in/m);
    expect(totals).toEqual({ passed: 0, failed: 3, broken: false });
    expect(lines.at(-1)).toBe("\n0 passed, 3 failed");
  });

  it("fails the run when a step exits non-zero although its report shows no failed test", () => {
    const totals = runSteps([reportStep(tempDir(), "exited badly", { numPassedTests: 4, numFailedTests: 0, success: true }, 1)], () => {});
    expect(totals).toEqual({ passed: 4, failed: 0, broken: true });
  });

  it("writes durations as a person reads them", () => {
    expect([duration(400), duration(59_400), duration(61_000), duration(42 * 60_000 + 5_000)]).toEqual([
      "0 s",
      "59 s",
      "1 min 1 s",
      "42 min 5 s",
    ]);
  });
});
