// Child processes for the benchmark: every one is tracked and killed at the end or on error,
// readiness is polled (never a fixed sleep), and memory and CPU time are read from /proc.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";

export const ROOT = new URL("../..", import.meta.url).pathname;
const children = new Set<ChildProcess>();

export interface Child {
  process: ChildProcess;
  pid: number;
  stderr: () => string;
}

/** Starts `node args` in the repository; `ipc` opens a message channel (for the probe and the PDF floor). */
export function startNode(args: string[], env: Record<string, string>, ipc = false): Child {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ipc ? ["ignore", "ignore", "pipe", "ipc"] : ["ignore", "ignore", "pipe"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  let tail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  });
  if (child.pid === undefined) throw new Error(`could not start node ${args.join(" ")}`);
  return { process: child, pid: child.pid, stderr: () => tail };
}

/** Stops a child (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
export async function stop(child: Child): Promise<void> {
  const p = child.process;
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.once("exit", () => resolve()));
  p.kill("SIGTERM");
  const timer = setTimeout(() => p.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** Kills every child still running (used in finally and on signals). */
export function killAll(): void {
  for (const child of children) child.kill("SIGKILL");
  children.clear();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Polls `url` until it answers 200; fails when the child exits or after `timeoutMs`. Returns ms since `since`. */
export async function waitFor200(url: string, child: Child, since: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    if (child.process.exitCode !== null)
      throw new Error(`child exited (${child.process.exitCode}) before ${url} answered:\n${child.stderr()}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${child.stderr()}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const status = (pid: number) => readFileSync(`/proc/${pid}/status`, "utf8");
const kib = (text: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? Number.NaN);
export const rssMiB = (pid: number) => kib(status(pid), "VmRSS") / 1024;
export const peakMiB = (pid: number) => kib(status(pid), "VmHWM") / 1024;
/** Resets the child's peak RSS (VmHWM) to its current RSS (Linux clear_refs 5). */
export const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, "5");
/** User + system CPU time of a process so far, in ms (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Sends a message to a child with an IPC channel and waits for its answer. */
export function ask<T>(child: Child, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = child.process;
    const onExit = () => reject(new Error(`child exited while asked ${JSON.stringify(message)}:\n${child.stderr()}`));
    p.once("exit", onExit);
    p.once("message", (answer) => {
      p.off("exit", onExit);
      resolve(answer as T);
    });
    p.send(message as object);
  });
}
