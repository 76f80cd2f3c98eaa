import { readFileSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, ROOT, run, type Started, startNode, tempDir } from "./helpers.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { CHILD_PROCESS_TEST_MS, waitFor } from "../helpers/wait.ts";

// Processes, servers and SMTP sinks started through the helpers are stopped by these hooks, even when a test fails or times out.
stopStartedAfterEach();

/** One HTTP exchange written by hand, byte for byte. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = "";
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

const cli = (env: Record<string, string>, ...args: string[]) => run([join(ROOT, "src/cli/main.ts"), ...args], env);

describe("evidence on a Node install: the key file, the scheduler's checkpoint, and `./dev cli verify`", {
  timeout: CHILD_PROCESS_TEST_MS,
}, () => {
  let service: Started | null = null;
  afterEach(async () => {
    await service?.stop();
    service = null;
  });

  it("makes a key on first start, signs and publishes a checkpoint, and verify catches a truncated tail against the kept one", async () => {
    const dir = tempDir();
    const database = join(dir, "register.db");
    const port = await freePort();
    service = await startNode("src/entry/node.ts", { DATABASE_PATH: database, PORT: String(port), DEMO_DATA: "true" }, "listening");
    expect(service.output()).toContain("Made the audit checkpoint signing key");
    const keyFile = join(dir, "checkpoint-signing.key");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    // The evidence scheduler signs at start; wait for that checkpoint rather than for a fixed time.
    const page = await waitFor(
      async () => {
        const answer = (await (await fetch(`http://127.0.0.1:${port}/public/checkpoints`)).json()) as { checkpoints: { size: number }[] };
        return answer.checkpoints.length > 0 && answer;
      },
      { what: "the scheduler's first checkpoint at /public/checkpoints", intervalMs: 100 },
    );
    expect(page.checkpoints.length).toBe(1);
    // What `curl -X POST` sends: no body, no Content-Length, no Content-Type.
    const token = /token \(shown once, keep it\): (dpar_\S+)/.exec(service.output())?.[1] ?? "";
    const answer = await rawRequest(
      port,
      `POST /api/v1/verifications HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1.1 200/);
    expect(answer).toContain('"ok":true');
    const kept = join(dir, "kept-checkpoints.json");
    writeFileSync(kept, JSON.stringify(page));
    await service.stop();
    service = null;

    const env = { DATABASE_PATH: database };
    const ok = await cli(env, "verify");
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^verified: \d+ audit entries form one chain/);
    expect(ok.stdout).toContain(`the newest that holds covers ${page.checkpoints[0]?.size} entries`);

    // Someone with the file removes the newest entries and every checkpoint kept in it.
    const sqlite = new Database(database);
    sqlite.prepare("delete from audit_entries where seq > ?").run((page.checkpoints[0]?.size ?? 0) - 2);
    sqlite.prepare("delete from audit_checkpoints").run();
    sqlite.close();
    const alone = await cli(env, "verify");
    const withKept = await cli(env, "verify", "--checkpoint", kept);
    expect(withKept.code).toBe(1);
    expect(withKept.stdout).toContain("NOT VERIFIED");
    expect(withKept.stdout).toMatch(/entries after seq \d+ were removed/);
    expect(withKept.stdout).toContain("kept elsewhere, is not in the database");
    // Without the kept checkpoint the shorter chain is consistent: only the rows that no longer match their trail can tell.
    expect(withKept.stdout.length).toBeGreaterThan(alone.stdout.length);
  });

  it("trusts an earlier key after a rotation only when it is listed", async () => {
    const dir = tempDir();
    const database = join(dir, "register.db");
    const oldKey = (await cli({}, "checkpoint", "new-key")).stdout.trim();
    const made = await cli({ DATABASE_PATH: database, CHECKPOINT_KEY: oldKey }, "token", "create", "--role", "admin", "--name", "first");
    expect(made.code).toBe(0);
    const signed = await cli({ DATABASE_PATH: database, CHECKPOINT_KEY: oldKey }, "checkpoint", "sign");
    expect(signed.code, signed.stderr).toBe(0);
    const { publicKey } = JSON.parse(signed.stdout) as { publicKey: string };

    const rotated = await cli({}, "checkpoint", "new-key");
    expect(rotated.stderr).toMatch(/^Public key [A-Za-z0-9_-]{43} \(key id [0-9a-f]{16}\)/);
    const newKey = rotated.stdout.trim();
    const untrusted = await cli({ DATABASE_PATH: database, CHECKPOINT_KEY: newKey }, "verify");
    expect(untrusted.code).toBe(1);
    expect(untrusted.stdout).toContain("which is not a trusted checkpoint key");
    const trusted = await cli({ DATABASE_PATH: database, CHECKPOINT_KEY: newKey, CHECKPOINT_TRUSTED_KEYS: publicKey }, "verify");
    expect(trusted.code, trusted.stdout).toBe(0);

    const bad = await cli({ DATABASE_PATH: database, CHECKPOINT_KEY: "not a key" }, "verify");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("The checkpoint signing key must be 32 bytes in base64url");
    expect(readFileSync(database).length).toBeGreaterThan(0);
  });
});
