// `./dev bench:sign-in-flood`: how much a flood of sign-in attempts slows the
// register's other requests. Starts the real Node server (node:crypto scrypt
// one at a time, the rate limits as configured) on a fresh database with the
// demo register, then alternates quiet and flood windows (A/B, interleaved, so
// the machine's noise falls on both). In every window one reader times
// GET /api/v1/agreements with the demo admin token; during a flood window
// FLOODERS clients post wrong passwords for unknown e-mails from rotating
// loopback addresses (127.0.0.2-127.0.0.254), as a distributed guesser would.
// Prints the reader's p50 and p95 in each kind of window and their ratio.
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 5000);
const FLOODERS = Number(process.env.BENCH_FLOODERS ?? 16);
const PORT = 3000 + Math.floor(Math.random() * 2000) + 4000;
const BASE = `http://127.0.0.1:${PORT}`;

interface Response {
  status: number;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string>, body?: string, localAddress?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(`${BASE}${path}`, { method, headers, localAddress, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

async function startServer(): Promise<{ child: ChildProcess; token: string }> {
  const database = join(mkdtempSync(join(tmpdir(), "bench-flood-")), "register.db");
  const child = spawn(process.execPath, ["src/entry/node.ts"], {
    env: { ...process.env, PORT: String(PORT), DATABASE_PATH: database, HOST: "127.0.0.1", LIFECYCLE_INTERVAL_SECONDS: "3600" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const token = /API token \(shown once, keep it\): (dpar_\S+)/.exec(output)?.[1];
      if (token && output.includes("listening")) resolve({ child, token });
    });
    child.on("exit", (code) => reject(new Error(`the server exited (${code}) before it was ready:\n${output}`)));
  });
}

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const { child, token } = await startServer();
const samples = { quiet: [] as number[], flood: [] as number[] };
const outcomes = new Map<number, number>();
let window: "quiet" | "flood" = "quiet";
let running = true;

async function reader() {
  while (running) {
    const started = performance.now();
    const answer = await send("GET", "/api/v1/agreements", { authorization: `Bearer ${token}` });
    if (answer.status !== 200) throw new Error(`read answered ${answer.status}`);
    samples[window].push(performance.now() - started);
  }
}

let nextAddress = 2;
async function flooder(id: number) {
  while (running) {
    if (window !== "flood") {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    const localAddress = `127.0.0.${nextAddress}`;
    nextAddress = nextAddress >= 254 ? 2 : nextAddress + 1;
    const body = new URLSearchParams({ email: `guess-${id}-${Math.random()}@example.test`, password: "not the password" }).toString();
    const answer = await send(
      "POST",
      "/admin/sign-in",
      { "content-type": "application/x-www-form-urlencoded", origin: BASE },
      body,
      localAddress,
    );
    outcomes.set(answer.status, (outcomes.get(answer.status) ?? 0) + 1);
  }
}

try {
  const readerDone = reader();
  const flooders = Array.from({ length: FLOODERS }, (_, i) => flooder(i));
  for (let round = 0; round < ROUNDS; round++) {
    for (const phase of ["quiet", "flood"] as const) {
      window = phase;
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    }
  }
  running = false;
  await Promise.all([readerDone, ...flooders]);
} finally {
  child.kill("SIGTERM");
}

const row = (name: string, values: number[]) =>
  `| ${name} | ${values.length} | ${percentile(values, 50).toFixed(2)} ms | ${percentile(values, 95).toFixed(2)} ms |`;
console.log(`${ROUNDS} rounds of ${WINDOW_MS / 1000} s quiet + ${WINDOW_MS / 1000} s flood (${FLOODERS} sign-in clients), interleaved\n`);
console.log("| reader's GET /api/v1/agreements | requests | p50 | p95 |\n|---|---|---|---|");
console.log(row("quiet", samples.quiet));
console.log(row("during the sign-in flood", samples.flood));
console.log(`\np50 during the flood / quiet p50: ${(percentile(samples.flood, 50) / percentile(samples.quiet, 50)).toFixed(2)}x`);
console.log(`sign-in attempts answered: ${[...outcomes].map(([status, n]) => `${n} × ${status}`).join(", ")}`);
