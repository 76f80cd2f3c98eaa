import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "./helpers.ts";
import { CHILD_PROCESS_TEST_MS } from "../helpers/wait.ts";

// ./dev on a machine where poppler-utils and Chromium are missing and apt-get is
// a stub: PATH holds only the few programs ./dev itself uses, Node, and the stubs.
const SYSTEM_TOOLS = ["bash", "sh", "env", "dirname", "sed", "cmp", "cp", "rm", "mkdir", "grep", "sleep", "cat", "id", "touch"];

interface Sandbox {
  bin: string;
  log: string;
}

function sandbox(stubs: Record<string, string>): Sandbox {
  const dir = tempDir();
  const bin = join(dir, "bin");
  mkdirSync(bin);
  for (const tool of SYSTEM_TOOLS) {
    if (!stubs[tool]) symlinkSync(execFileSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).trim(), join(bin, tool));
  }
  for (const tool of ["node", "npm", "npx"]) symlinkSync(join(dirname(process.execPath), tool), join(bin, tool));
  const log = join(dir, "apt.log");
  writeFileSync(log, "");
  for (const [name, body] of Object.entries(stubs)) {
    writeFileSync(join(bin, name), `#!/bin/bash\nBIN=${JSON.stringify(bin)}\nLOG=${JSON.stringify(log)}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  return { bin, log };
}

/** An apt-get stub whose `install` puts working pdftotext, pdfinfo and chromium stubs on PATH. */
const INSTALLS_TOOLS = `echo "$*" >> "$LOG"
if [[ " $* " == *" install "* ]]; then
  for tool in pdftotext pdfinfo chromium; do printf '#!/bin/bash\\nexit 0\\n' > "$BIN/$tool"; chmod +x "$BIN/$tool"; done
fi
exit 0`;

/** An apt-get stub that reports a held lock for its first `times` calls, then behaves as `then`. */
const lockedFor = (times: number, then: string) => `n=$(grep -c . "$LOG")
if [ "$n" -lt ${times} ]; then
  echo "locked $*" >> "$LOG"
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2
  exit 100
fi
${then}`;

const running = new Set<ChildProcess>();

afterEach(() => {
  for (const child of running) if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  running.clear();
});

function dev(box: Sandbox, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(ROOT, "dev"), args, {
    cwd: ROOT,
    detached: true,
    env: { HOME: process.env.HOME ?? "/root", PATH: box.bin, APT_LOCK_RETRY_SECONDS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

const aptCalls = (box: Sandbox) => readFileSync(box.log, "utf8").split("\n").filter(Boolean);

describe("./dev installs what the tests need, or stops saying what is missing", () => {
  it(
    "stops `./dev test` before any suite when apt-get fails, naming the package and the tool",
    async () => {
      const box = sandbox({ "apt-get": 'echo "$*" >> "$LOG"; echo "E: Unable to locate package poppler-utils" >&2; exit 100' });
      const { code, output } = await dev(box, ["test"]);
      expect(code).not.toBe(0);
      expect(output).toContain("E: Unable to locate package poppler-utils");
      expect(output).toContain("./dev: installing Debian's poppler-utils (for pdftotext) failed");
      expect(output).not.toContain("== [1/");
      expect(aptCalls(box)).toEqual(["update -qq -o DPkg::Lock::Timeout=60"]);
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "fails `./dev setup` naming pdftotext when the install reports success but brings no pdftotext",
    async () => {
      const box = sandbox({ "apt-get": 'echo "$*" >> "$LOG"; exit 0' });
      const { code, output } = await dev(box, ["setup"]);
      expect(code).not.toBe(0);
      expect(output).toContain("./dev: pdftotext is still missing after installing Debian's poppler-utils.");
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "waits for apt's lock held by another process, then installs and checks every tool",
    async () => {
      const box = sandbox({ "apt-get": lockedFor(2, INSTALLS_TOOLS) });
      const { code, output } = await dev(box, ["setup"]);
      expect(output).toContain("another process holds apt's lock; waiting for it");
      expect(code).toBe(0);
      expect(output).toMatch(/installing Debian's poppler-utils \(for pdftotext\): done in \d+ s/);
      expect(output).toContain("poppler-utils and Chromium are ready");
      const calls = aptCalls(box);
      expect(calls.filter((call) => call.startsWith("locked"))).toHaveLength(2);
      expect(calls.at(-1)).toBe("install -y -qq --no-install-recommends poppler-utils -o DPkg::Lock::Timeout=60");
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "gives up when the lock is held past the bound, and says so",
    async () => {
      const box = sandbox({ "apt-get": lockedFor(1000, "exit 0") });
      const { code, output } = await dev(box, ["setup"], { APT_LOCK_WAIT_SECONDS: "0" });
      expect(code).not.toBe(0);
      expect(output).toContain("apt's lock was still held by another process after 0 s.");
      expect(output).toContain("installing Debian's poppler-utils (for pdftotext) failed");
    },
    CHILD_PROCESS_TEST_MS,
  );

  it(
    "tells a user who is not root and has no sudo what to install",
    async () => {
      const box = sandbox({ id: 'if [ "$1" = "-u" ]; then echo 1000; else echo "uid=1000"; fi', "apt-get": 'echo "$*" >> "$LOG"; exit 0' });
      const { code, output } = await dev(box, ["setup"]);
      expect(code).not.toBe(0);
      expect(output).toContain("pdftotext is missing, and installing Debian's poppler-utils needs root (or sudo).");
      expect(aptCalls(box)).toEqual([]);
    },
    CHILD_PROCESS_TEST_MS,
  );
});

describe("npm test without ./dev", () => {
  it(
    "fails at once naming each missing tool and its package",
    async () => {
      const box = sandbox({});
      const child = spawn(process.execPath, ["scripts/test.ts"], {
        cwd: ROOT,
        detached: true,
        env: { PATH: box.bin },
        stdio: ["ignore", "pipe", "pipe"],
      });
      running.add(child);
      let output = "";
      child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise((resolve) => child.on("close", resolve));
      expect(code).toBe(1);
      expect(output).toContain("missing: pdftotext (Debian package poppler-utils; ./dev test installs it)");
      expect(output).toContain("missing: chromium (Debian package chromium; ./dev test installs it)");
      expect(output).toMatch(/^0 passed, 3 failed$/m);
      expect(output).not.toContain("== [1/");
    },
    CHILD_PROCESS_TEST_MS,
  );
});
