import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flat, pdfText } from "../helpers/pdf-text.ts";
import { demoDatabase, ROOT, run, tempDir } from "./helpers.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

const cli = (...args: string[]) => run([join(ROOT, "src/cli/main.ts"), ...args]);

describe("the CLI's documents", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  it("writes an annex PDF named after the agreement, records the export and verifies it", async () => {
    const database = await demoDatabase();
    const out = tempDir();
    const written = await cli("--database", database, "document", "annex", "--agreement", "CF-DPA-2024-001", "--lang", "en", "--out", out);
    expect(written.code, written.stderr).toBe(0);
    const path = written.stdout.trim();
    expect(readdirSync(out)).toEqual([path.slice(out.length + 1)]);
    expect(path).toMatch(/annex_CF-DPA-2024-001_\d{4}-\d\d-\d\dT\d{6}Z_en\.pdf$/);
    const bytes = readFileSync(path);
    expect(flat(pdfText(bytes))).toContain("Annex IV: List of sub-processors");
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(written.stderr).toContain(`sha256 ${sha}`);

    const listed = await cli("--database", database, "export", "list");
    const [id, , kind, format, lang, , listedSha, actor] = listed.stdout.trim().split("\t");
    expect([kind, format, lang, listedSha]).toEqual(["annex", "pdf", "en", sha]);
    expect(actor).toMatch(/^cli:/);
    const verified = await cli("--database", database, "export", "verify", id as string);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain("verified: Regenerated as of");
  });

  it("writes the Art. 30(1) record as CSV to a named file", async () => {
    const database = await demoDatabase();
    const file = join(tempDir(), "art30.csv");
    const written = await cli("--database", database, "document", "art30-controller", "--format", "csv", "--lang", "nl", "--out", file);
    expect(written.code, written.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("Onderhouden van commerciële relaties");
  });

  it("refuses an annex without an agreement, or for an unknown one, and writes and records nothing", async () => {
    const database = await demoDatabase();
    const out = tempDir();
    const missing = await cli("--database", database, "document", "annex", "--out", out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("agreementId: An annex is rendered for one agreement");
    const unknown = await cli("--database", database, "document", "annex", "--agreement", "CF-DPA-1999-999", "--out", out);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No agreement with id or reference "CF-DPA-1999-999"');
    expect(readdirSync(out)).toEqual([]);
    expect((await cli("--database", database, "export", "list")).stdout).toBe("");
  });
});
