import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { walkChain } from "../../src/core/kernel/audit/chain-walk.ts";
import { verifyRegister } from "../../src/core/evidence/verify-register.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { ROOT, run, tempDir } from "./helpers.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

// ./dev cli backup and restore: a consistent copy of a database the service
// is writing to, checked before it is trusted, and put back only when it
// verifies, never over a database in use, and never losing what it replaces.

const cli = (database: string, ...args: string[]) => run([join(ROOT, "src/cli/main.ts"), "--database", database, ...args]);
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
});

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("close", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A process writing audited changes without pause; `acked` holds each customer's last acknowledged name. */
function startWriter(database: string) {
  const child = spawn(process.execPath, [join(import.meta.dirname, "fixtures/acknowledged-writer.ts"), database], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const acked = new Map<string, string>();
  let waiting: { count: number; resolve: () => void } | null = null;
  let buffered = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      const match = /^ack (\S+) (.+)$/.exec(line);
      if (match) acked.set(match[1] as string, match[2] as string);
    }
    if (waiting && acked.size >= waiting.count) waiting.resolve();
  });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the writer stopped early (${code})`))));
  return {
    acked,
    /** Resolves once `count` customers have been acknowledged. */
    until: (count: number) =>
      Promise.race([
        new Promise<void>((resolve) => {
          if (acked.size >= count) resolve();
          else waiting = { count, resolve };
        }),
        exited,
      ]),
    stop: () => stop(child),
  };
}

async function demoDatabase(dir: string, name = "register.db"): Promise<string> {
  const path = join(dir, name);
  const store = createSqliteStore(path);
  await loadDemoRegister(store);
  store.close();
  return path;
}

async function stateOf(path: string) {
  const store = createSqliteStore(path);
  try {
    return { rows: await snapshot(store), chain: await walkChain(store) };
  } finally {
    store.close();
  }
}

describe("./dev cli backup", () => {
  it(
    "copies a database under a write load into a backup that restores, verifies and holds every write acknowledged before it started",
    async () => {
      const dir = tempDir();
      const live = join(dir, "register.db");
      createSqliteStore(live).close();
      const writer = startWriter(live);
      await writer.until(25);
      const ackedBefore = new Map(writer.acked);

      const backup = join(dir, "backups", "register-1.db");
      const made = await cli(live, "backup", backup);
      const ackedDuring = writer.acked.size - ackedBefore.size;
      await writer.stop();
      expect(made.code, made.stdout + made.stderr).toBe(0);
      expect(made.stdout).toMatch(/integrity ok; verified: \d+ audit entries form one chain/);
      // The load went on while the backup ran: this is a copy of a database being written to.
      expect(ackedDuring).toBeGreaterThan(0);

      const restored = join(dir, "restored", "register.db");
      const put = await cli(restored, "restore", backup);
      expect(put.code, put.stdout + put.stderr).toBe(0);
      const store = createSqliteStore(restored);
      try {
        const report = await verifyRegister(makeCtx(store, SYSTEM_ACTOR), { trigger: "cli", trustedKeys: [], record: false });
        expect(report.problems).toEqual([]);
        expect(report.ok).toBe(true);
        const names = new Map(
          (store.sqlite.prepare("select id, legal_name from customers").all() as { id: string; legal_name: string }[]).map((r) => [
            r.id,
            r.legal_name,
          ]),
        );
        for (const [id, name] of ackedBefore) {
          // Renamed after the acknowledgement is fine; anything older is a lost write.
          const allowed = name.endsWith(" NV") ? [name] : [name, `${name} NV`];
          expect(allowed, `customer ${id}, acknowledged as "${name}"`).toContain(names.get(id));
        }
        expect(names.size).toBeGreaterThanOrEqual(ackedBefore.size);
      } finally {
        store.close();
      }
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "refuses to overwrite a file, and reports a copy of a register that does not verify with exit code 1",
    async () => {
      const dir = tempDir();
      const live = await demoDatabase(dir);
      const taken = join(dir, "taken.db");
      writeFileSync(taken, "keep me");
      const refused = await cli(live, "backup", taken);
      expect(refused.code).toBe(2);
      expect(readFileSync(taken, "utf8")).toBe("keep me");

      const tamper = createSqliteStore(live);
      tamper.sqlite.prepare("update audit_entries set actor_name = 'someone else' where seq = 4").run();
      tamper.close();
      const copy = join(dir, "copy.db");
      const made = await cli(live, "backup", copy);
      expect(made.code).toBe(1);
      expect(made.stdout).toContain("NOT VERIFIED");
      expect(made.stdout).toContain("entry 4");
    },
    CHILD_PROCESS_TEST_MS,
  );
});

describe("./dev cli restore", () => {
  it(
    "refuses a backup whose audit trail was edited, or whose file is damaged, and leaves the current database as it was",
    async () => {
      const dir = tempDir();
      const live = await demoDatabase(dir);
      const backup = join(dir, "backup.db");
      expect((await cli(live, "backup", backup)).code).toBe(0);

      const edited = createSqliteStore(backup);
      edited.sqlite.prepare(`update audit_entries set "after" = json_set("after", '$.legalName', 'Forged BV') where seq = 7`).run();
      edited.close();
      const before = { file: sha256(live), files: readdirSync(dir).sort(), state: await stateOf(live) };
      const bytesBefore = sha256(live);

      const refused = await cli(live, "restore", "--force", backup);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain("RESTORE REFUSED");
      expect(refused.stdout).toContain("does not verify");
      expect(refused.stdout).toContain("entry 7");
      expect(refused.stdout).toContain("was not touched");

      const damaged = join(dir, "damaged.db");
      const bytes = readFileSync(backup);
      bytes.fill(0x5a, 4096 * 3, 4096 * 5);
      writeFileSync(damaged, bytes);
      const broken = await cli(live, "restore", "--force", damaged);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/RESTORE REFUSED: .*damaged\.db (fails integrity_check|cannot be read as a register|does not verify)/);

      expect(sha256(live)).toBe(bytesBefore);
      expect(readdirSync(dir).sort()).toEqual([...before.files, "damaged.db"].sort());
      expect(await stateOf(live)).toEqual(before.state);
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "refuses to replace a register without --force or while it is open, and with --force keeps the old one beside the restored one",
    async () => {
      const dir = tempDir();
      const source = await demoDatabase(dir, "source.db");
      const backup = join(dir, "backup.db");
      expect((await cli(source, "backup", backup)).code).toBe(0);
      const backedUp = await stateOf(backup);

      const live = join(dir, "live.db");
      const store = createSqliteStore(live);
      await loadDemoRegister(store);
      store.sqlite.prepare("update customers set company_number = company_number").run();
      const old = await stateOf(live);

      const unforced = await cli(live, "restore", backup);
      expect(unforced.code).toBe(1);
      expect(unforced.stdout).toContain("holds a register");
      expect(unforced.stdout).toContain("--force");

      // The service (here: this test's connection) has it open.
      const inUse = await cli(live, "restore", "--force", backup);
      expect(inUse.code).toBe(1);
      expect(inUse.stdout).toContain("open in another process");
      store.close();
      expect(await stateOf(live)).toEqual(old);

      const forced = await cli(live, "restore", "--force", backup);
      expect(forced.code, forced.stdout + forced.stderr).toBe(0);
      const aside = readdirSync(dir).filter((f) => f.startsWith("live.db.replaced-"));
      expect(aside).toHaveLength(1);
      expect(forced.stdout).toContain(aside[0]);
      expect(await stateOf(join(dir, aside[0] as string))).toEqual(old);
      const now = await stateOf(live);
      expect(now.chain.head).toBe(backedUp.chain.head);
      expect(now.rows.customers).toEqual(backedUp.rows.customers);
      expect(existsSync(`${live}-wal`) && readFileSync(`${live}-wal`).length > 0).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
    },
    CHILD_PROCESS_TEST_MS,
  );
});
