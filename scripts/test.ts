// `npm test`: every check CI runs, in order, then one summary line
// ("N passed, N failed") computed from the test runners' JSON reports.
import { mkdirSync } from "node:fs";
import { missingTools } from "./required-tools.ts";
import { runSteps, type Step } from "./step-runner.ts";

const REPORTS = "test-results";
mkdirSync(REPORTS, { recursive: true });

// The contract clocks, and the deadlines the API gives for them, must be the same whatever the host's zone.
const CLOCK_ZONES = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Australia/Lord_Howe"];
const clockSteps: Step[] = CLOCK_ZONES.map((zone) => {
  const report = `${REPORTS}/clocks-${zone.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}.json`;
  return {
    name: `clock and change suites with TZ=${zone}`,
    command: [
      "npx",
      "vitest",
      "run",
      "test/unit/clocks",
      "test/changes",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    report,
    env: { TZ: zone },
  };
});

const steps: Step[] = [
  { name: "build document templates", command: ["node", "scripts/build-documents.ts"] },
  { name: "OpenAPI document: written, client types generated", command: ["node", "scripts/openapi.ts"] },
  {
    name: "OpenAPI document passes Redocly's recommended-strict rules",
    command: ["npx", "redocly", "lint", "test-results/openapi.json"],
    // No network here: no usage reports, no update check.
    env: { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  },
  { name: "format and lint (Biome: any difference or lint error fails)", command: ["npx", "biome", "ci", "--error-on-warnings"] },
  { name: "layer rules (dependency-cruiser)", command: ["npx", "depcruise", "src", "db", "--config", ".dependency-cruiser.cjs"] },
  { name: "type-check (src and tests)", command: ["npx", "tsc", "--noEmit"] },
  { name: "migrations match db/schema.ts", command: ["node", "scripts/check-migrations.ts"] },
  {
    name: "Node suites",
    command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/node.json`],
    report: `${REPORTS}/node.json`,
  },
  ...clockSteps,
  {
    name: "Worker suites (workerd + D1)",
    command: [
      "npx",
      "vitest",
      "run",
      "--config",
      "vitest.workers.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${REPORTS}/workers.json`,
    ],
    report: `${REPORTS}/workers.json`,
  },
  {
    name: "browser journeys (headless Chromium)",
    command: [
      "npx",
      "vitest",
      "run",
      "--config",
      "vitest.e2e.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${REPORTS}/e2e.json`,
    ],
    report: `${REPORTS}/e2e.json`,
  },
];

// The suites read PDFs with poppler and drive Chromium: without them they would fail one by one, far from the cause.
const missing = missingTools();
if (missing.length > 0) {
  for (const tool of missing) console.log(`missing: ${tool.command} (Debian package ${tool.debianPackage}; ./dev test installs it)`);
  console.log(`\n0 passed, ${missing.length} failed`);
  process.exit(1);
}

const { failed, broken } = runSteps(steps);
process.exit(failed > 0 || broken ? 1 : 0);
