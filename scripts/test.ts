// `npm test`: every check CI runs, in order, then one summary line
// ("N passed, N failed") computed from the test runners' JSON reports.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";

const REPORTS = "test-results";
mkdirSync(REPORTS, { recursive: true });

interface Step {
  name: string;
  command: string[];
  report?: string;
  env?: Record<string, string>;
}

// The contract clocks, and the deadlines the API gives for them, must be the same whatever the host's zone.
const CLOCK_ZONES = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Australia/Lord_Howe"];
const clockSteps: Step[] = CLOCK_ZONES.map((zone) => {
  const report = `${REPORTS}/clocks-${zone.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}.json`;
  return {
    name: `clock and change suites with TZ=${zone}`,
    command: ["npx", "vitest", "run", "test/unit/clocks", "test/changes", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    report,
    env: { TZ: zone },
  };
});

const steps: Step[] = [
  { name: "build document templates", command: ["node", "scripts/build-documents.ts"] },
  { name: "type-check (src and tests)", command: ["npx", "tsc", "--noEmit"] },
  { name: "migrations match db/schema.ts", command: ["node", "scripts/check-migrations.ts"] },
  { name: "Node suites", command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/node.json`], report: `${REPORTS}/node.json` },
  ...clockSteps,
  {
    name: "Worker suites (workerd + D1)",
    command: ["npx", "vitest", "run", "--config", "vitest.workers.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/workers.json`],
    report: `${REPORTS}/workers.json`,
  },
  {
    name: "browser journeys (headless Chromium)",
    command: ["npx", "vitest", "run", "--config", "vitest.e2e.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/e2e.json`],
    report: `${REPORTS}/e2e.json`,
  },
];

let passed = 0;
let failed = 0;
let broken = false;
for (const step of steps) {
  console.log(`\n== ${step.name}`);
  const result = spawnSync(step.command[0] as string, step.command.slice(1), { stdio: "inherit", env: { ...process.env, ...step.env } });
  if (step.report) {
    const counts = readCounts(step.report);
    passed += counts.passed;
    failed += counts.failed;
    if (result.status !== 0 && counts.failed === 0) broken = true;
  } else if (result.status !== 0) {
    console.log(`${step.name}: failed`);
    failed += 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);

function readCounts(path: string): { passed: number; failed: number } {
  try {
    const report = JSON.parse(readFileSync(path, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean };
    // A suite that failed to load counts as a failure even with no failed test.
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.success || report.numFailedTests ? 0 : 1) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}
