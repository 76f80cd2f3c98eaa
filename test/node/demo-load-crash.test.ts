import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, ROOT, type Started, startNode, tempDir } from "./helpers.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

// The first start loads the demo register all or nothing: killed at any moment
// of that load, the next start finds either an empty register (and loads it,
// printing new credentials) or the whole demo whose printed credentials work.

const running: ChildProcess[] = [];
const servers: Started[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** Starts the service and kills it (SIGKILL) `delayMs` after its database file appears. */
async function killDuringFirstStart(env: Record<string, string>, delayMs: number): Promise<string> {
  const child = spawn(process.execPath, [join(ROOT, "src/entry/node.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  while (!existsSync(env.DATABASE_PATH as string) && child.exitCode === null && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill("SIGKILL");
  await exited;
  return output;
}

const tokenIn = (output: string) => [...output.matchAll(/API token \(shown once, keep it\): (dpar_\S+)/g)].at(-1)?.[1];

function counts(path: string) {
  // Read-write, though only read: a database killed while its WAL was being set up may need
  // recovering first, which a read-only connection cannot do ("attempt to write a readonly database").
  const db = new Database(path, { fileMustExist: true });
  try {
    // Killed before the migrations ran: no table yet, an empty register.
    if (!db.prepare("select 1 from sqlite_master where name = 'customers'").get()) return EMPTY;
    const n = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return {
      customers: n("customers"),
      agreements: n("agreements"),
      subProcessors: n("sub_processors"),
      users: n("users"),
      tokens: n("api_tokens"),
      audit: n("audit_entries") > 0,
    };
  } finally {
    db.close();
  }
}

const WHOLE_DEMO = { customers: 3, agreements: 3, subProcessors: 2, users: 1, tokens: 1, audit: true };
const EMPTY = { customers: 0, agreements: 0, subProcessors: 0, users: 0, tokens: 0, audit: false };

describe("the first start's demo load", () => {
  it.each([0, 150, 600])(
    "killed %i ms after the database appears, leaves an empty register or the whole demo, and the restart says which",
    async (delayMs) => {
      const path = join(tempDir(), "register.db");
      const env = { PORT: String(await freePort()), DATABASE_PATH: path, LIFECYCLE_INTERVAL_SECONDS: "3600" };
      const first = await killDuringFirstStart(env, delayMs);
      expect([EMPTY, WHOLE_DEMO]).toContainEqual(counts(path));

      const restart = await startNode("src/entry/node.ts", env, "listening");
      servers.push(restart);
      expect(counts(path)).toEqual(WHOLE_DEMO);
      // A reload prints new credentials; otherwise the first start's are the valid ones.
      const reloaded = restart.output().includes("Loaded the ClearFacts demo register");
      const token = tokenIn(reloaded ? restart.output() : first);
      expect(token, `first start printed:\n${first}\nrestart printed:\n${restart.output()}`).toBeDefined();
      const agreements = await fetch(`http://127.0.0.1:${env.PORT}/api/v1/agreements`, { headers: { authorization: `Bearer ${token}` } });
      expect(agreements.status).toBe(200);
      expect(((await agreements.json()) as { items: unknown[] }).items).toHaveLength(3);
      expect(restart.output()).not.toContain("Nobody can sign in");
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "says how to get in when a register holds data but nobody can sign in",
    async () => {
      const env = { PORT: String(await freePort()), DATABASE_PATH: join(tempDir(), "register.db"), DEMO_DATA: "false" };
      const server = await startNode("src/entry/node.ts", env, "listening");
      servers.push(server);
      expect(server.output()).toContain("Nobody can sign in to the register at");
      expect(server.output()).toContain("./dev cli user create --email");
    },
    CHILD_PROCESS_TEST_MS,
  );
});
