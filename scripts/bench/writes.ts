// 2. Writes: an audited create through HTTP against raw single-row SQLite commits (better-sqlite3,
// autocommit, WAL + synchronous=FULL) for the same number of seconds.
import { join } from "node:path";
import { openSqlite } from "../../src/platform/node/sqlite-connection.ts";
import { autocannon } from "./autocannon.ts";
import { fmt, mm } from "./format.ts";
import { interleaved } from "./interleaved.ts";
import type { BenchRegister } from "./register.ts";
import { median } from "./stats.ts";
import type { Run } from "./types.ts";

/** Load before the measured rounds, long enough for the service's throughput to level off. */
const WARM_UP_SECONDS = 5;

export async function measureWrites(run: Run, register: BenchRegister, base: string): Promise<void> {
  const { rounds, loadSeconds } = run.settings;
  run.log("writes");
  const auth = ["-H", `authorization=Bearer ${register.token}`];
  const rawDb = openSqlite(join(run.temp, "raw.db"));
  rawDb.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const insert = rawDb.prepare("INSERT INTO rows (body) VALUES (?)");
  const body = JSON.stringify({ name: { en: "Bench category [<id>]" }, special: "none" });
  const post = (seconds: number) =>
    autocannon(`${base}/api/v1/data-categories`, 10, seconds, [
      ...auth,
      "-m",
      "POST",
      "-H",
      "content-type=application/json",
      "-I",
      "-b",
      body,
    ]);
  // Not counted: the writer thread starts at the first write and the write path is compiled under load;
  // cold start has a row of its own, this one is the steady state.
  await post(WARM_UP_SECONDS);
  const writes = await interleaved(
    rounds,
    async () => {
      const load = await post(loadSeconds);
      if (load.non2xx + load.errors > 0) throw new Error(`POST /api/v1/data-categories: ${load.non2xx} non-2xx, ${load.errors} errors`);
      return load.rps;
    },
    async () => {
      const end = performance.now() + loadSeconds * 1000;
      let n = 0;
      const start = performance.now();
      while (performance.now() < end) {
        insert.run(`{"name":{"en":"Bench category ${n}"},"special":"none"}`);
        n++;
      }
      return n / ((performance.now() - start) / 1000);
    },
  );
  rawDb.close();
  const writeRatio = median(writes.product) / median(writes.floor);
  run.results.push({
    row: "2. POST /api/v1/data-categories (audited) c=10",
    product: mm(writes.product, "req/s", 0),
    floor: mm(writes.floor, "commits/s", 0),
    ratio: `${fmt(writeRatio, 2)}x`,
    target: "≥ 0.5x",
    pass: writeRatio >= 0.5,
    notes: "floor: better-sqlite3 INSERT autocommit, WAL + synchronous=FULL",
    data: writes,
  });
}
