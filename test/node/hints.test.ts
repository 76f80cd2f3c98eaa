import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { ROOT, run } from "./helpers.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

// Hints the product prints name the command the README gives (`./dev cli ...`),
// which works on any machine: `npm run cli` needs Node 24 already on PATH.
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const cli = (...args: string[]) => run([join(ROOT, "src/cli/main.ts"), ...args]);

describe("hints name the commands of the README", { timeout: CHILD_PROCESS_TEST_MS }, () => {
  it("the sign-in page tells how to make the first account with ./dev cli", async () => {
    const ui = await makeAdminUi(memoryStore());
    const page = await (await ui.get("/admin/sign-in")).text();
    expect(page).toContain("<code>./dev cli user create --email … --name …</code>");
    expect(README).toContain("./dev cli user create --email");
  });

  it("the CLI's usage lines and error hints say ./dev cli", async () => {
    const help = await cli("--help");
    expect(help.stdout).toMatch(/^Usage: \.\/dev cli \[options\] \[command\]/);
    const userCreate = await cli("user", "create", "--help");
    expect(userCreate.stdout).toMatch(/^Usage: \.\/dev cli user create \[options\]/);
    const missing = await cli("document");
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("error: missing required argument 'kind'");
    expect(`${missing.stdout}${missing.stderr}`).not.toContain("dpa-register");
  });

  it("no source file prints an npm or node command a user would have to run", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated") walk(path);
        } else if (/\.(ts|hbs|json)$/.test(entry.name)) {
          readFileSync(path, "utf8")
            .split("\n")
            .forEach((line, index) => {
              if (/npm run |npm start|npm test|npx |node src\//.test(line))
                offenders.push(`${path.slice(ROOT.length + 1)}:${index + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(join(ROOT, "src"));
    walk(join(ROOT, "templates"));
    expect(offenders).toEqual([]);
  });
});
