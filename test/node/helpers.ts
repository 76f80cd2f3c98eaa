import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { onCleanup } from "../helpers/cleanup.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";

export const ROOT = join(import.meta.dirname, "../..");
export const tempDir = () => mkdtempSync(join(tmpdir(), "dpa-register-"));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  /** Asks the process to shut down (SIGTERM) and resolves with how it exited, once it has. */
  stop(): Promise<Exit>;
}

/** Resolves once `child` has exited and its output streams are closed. */
export function exited(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
}

/** Stops `child` with `signal` (if still running) and resolves once it has exited. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<Exit> {
  const done = exited(child);
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  return done;
}

/**
 * Starts `node <script>` and resolves once its output contains `ready`. The
 * process is registered with test/helpers/cleanup.ts, so a test file calling
 * `stopStartedAfterEach()` never leaves it running.
 */
export function startNode(script: string, env: Record<string, string>, ready: string): Promise<Started> {
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onCleanup(() => stopChild(child, "SIGKILL"));
  let output = "";
  const stop = () => stopChild(child, "SIGTERM");
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolve({ child, output: () => output, stop });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code} before ready:\n${output}`)));
  });
}

/** Runs a command to completion (killed by the cleanup hooks if the test ends first). */
export function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
  const forget = onCleanup(() => stopChild(child, "SIGKILL"));
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) =>
    child.on("close", (code) => {
      forget();
      resolve({ code, stdout, stderr });
    }),
  );
}

/** A database file, in a folder of its own, holding the ClearFacts demo register. */
export async function demoDatabase(): Promise<string> {
  const database = join(tempDir(), "register.db");
  const store = createSqliteStore(database);
  await loadDemoRegister(store);
  store.close();
  return database;
}
