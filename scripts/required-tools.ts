// The programs outside npm that the test suites call, and where each comes from.
import { spawnSync } from "node:child_process";

export interface RequiredTool {
  command: string;
  debianPackage: string;
}

export const REQUIRED_TOOLS: RequiredTool[] = [
  { command: "pdftotext", debianPackage: "poppler-utils" },
  { command: "pdfinfo", debianPackage: "poppler-utils" },
  { command: "chromium", debianPackage: "chromium" },
];

/** The required tools not found on PATH. */
export function missingTools(tools: RequiredTool[] = REQUIRED_TOOLS): RequiredTool[] {
  return tools.filter((tool) => spawnSync("sh", ["-c", `command -v ${tool.command}`], { stdio: "ignore" }).status !== 0);
}
