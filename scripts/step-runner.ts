// Runs the test command's steps one after the other, saying when each starts
// and ends and how long it took, and adds up the tests of the steps that
// write a vitest JSON report, for the closing "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Step {
  name: string;
  command: string[];
  /** A vitest JSON report the step writes; its counts join the total. */
  report?: string;
  env?: Record<string, string>;
}

export interface Totals {
  passed: number;
  failed: number;
  /** A step failed without a failed test to show for it (a suite that would not load, a crash). */
  broken: boolean;
}

export function runSteps(steps: Step[], log: (line: string) => void = console.log): Totals {
  const totals: Totals = { passed: 0, failed: 0, broken: false };
  const started = Date.now();
  for (const [index, step] of steps.entries()) {
    const label = `[${index + 1}/${steps.length}] ${step.name}`;
    const stepStarted = Date.now();
    log(`\n== ${label}: started at ${new Date().toTimeString().slice(0, 8)}`);
    const result = spawnSync(step.command[0] as string, step.command.slice(1), { stdio: "inherit", env: { ...process.env, ...step.env } });
    let outcome: string;
    if (step.report) {
      const counts = readCounts(step.report);
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      if (result.status !== 0 && counts.failed === 0) totals.broken = true;
      outcome = `${counts.passed} passed, ${counts.failed} failed`;
    } else {
      if (result.status !== 0) totals.failed += 1;
      outcome = result.status === 0 ? "ok" : "FAILED";
    }
    log(`== ${label}: ${outcome} in ${duration(Date.now() - stepStarted)} (${duration(Date.now() - started)} so far)`);
  }
  log(`\n${totals.passed} passed, ${totals.failed} failed`);
  return totals;
}

export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function readCounts(path: string): { passed: number; failed: number } {
  try {
    const report = JSON.parse(readFileSync(path, "utf8")) as { numPassedTests: number; numFailedTests: number; success: boolean };
    // A suite that failed to load counts as a failure even with no failed test.
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.success || report.numFailedTests ? 0 : 1) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}
