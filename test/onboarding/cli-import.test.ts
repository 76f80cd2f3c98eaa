import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { writeTemplate } from "../../src/spreadsheets/template-writer.ts";
import { readXlsx } from "../../src/spreadsheets/xlsx-reader.ts";
import { ROOT, run, tempDir } from "../node/helpers.ts";
import { clearFactsRows } from "./clearfacts-sheet.ts";
import { registerState } from "./onboarding-app.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

const cli = (...args: string[]) => run([join(ROOT, "src/cli/main.ts"), ...args]);

async function stateOf(database: string) {
  const store = createSqliteStore(database);
  try {
    return await registerState(store);
  } finally {
    store.close();
  }
}

describe("the CLI's spreadsheet onboarding", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  it("writes the template, checks a filled one without writing, then imports it", async () => {
    const dir = tempDir();
    const database = join(dir, "register.db");
    const template = await cli("spreadsheet-template", "--out", dir);
    expect(template.code, template.stderr).toBe(0);
    const templatePath = template.stdout.trim();
    expect(existsSync(templatePath)).toBe(true);
    expect((await readXlsx(new Uint8Array(readFileSync(templatePath)))).sheets.map((s) => s.name)).toContain("Sub-processors");

    const blank = await cli("--database", database, "import-spreadsheet", templatePath, "--dry-run");
    expect(blank.stdout).toContain("The file holds no rows to import (the template's sheets are empty); nothing was written.");

    const file = join(dir, "clearfacts.xlsx");
    writeFileSync(file, await writeTemplate(clearFactsRows()));
    const before = await stateOf(database);
    const dry = await cli("--database", database, "import-spreadsheet", file, "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      "Dry run: 7 data-categories, 4 subject-categories, 5 security-measures, 4 activities, 2 sub-processors, 3 customers pass every check; nothing was written.",
    );
    expect(await stateOf(database)).toEqual(before);

    const imported = await cli("--database", database, "import-spreadsheet", file);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("Sub-processors were recorded directly (the register has no agreements).");
    const after = await stateOf(database);
    expect(after.rows.customers).toHaveLength(3);
    expect(after.rows.sub_processors).toHaveLength(2);
    expect(after.audit).toBe(before.audit + 7 + 4 + 5 + 4 + 2 * 2 + 3);
    const verified = await cli("--database", database, "verify");
    expect(verified.stdout).toContain("form one chain");
  });

  it("names each bad cell of a CSV, exits 1 and writes nothing", async () => {
    const dir = tempDir();
    const database = join(dir, "register.db");
    const file = join(dir, "subjects.csv");
    writeFileSync(file, "Ref,Name (en),Description (en)\nacc,Accountants,\nbad,,Nameless\nacc2,Accountants,Again\n");
    const before = await stateOf(database);
    const result = await cli("--database", database, "import-spreadsheet", file, "--kind", "subject-categories");
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split("\n")).toEqual([
      "'Subject categories'!B3 [Name (en)]: This cell is empty, and it is required.",
      `'Subject categories'!B4 [Name (en)]: Row 2 already has a data-subject category named "Accountants"; names and references must be unique so rows can refer to them.`,
    ]);
    expect(result.stderr).toContain("2 problems in 3 subject-categories; nothing was written.");
    expect(await stateOf(database)).toEqual(before);
  });
});
