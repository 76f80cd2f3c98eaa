// 7. Search over the register at its largest size (50,000 agreements and their customers, with the
// activities, vendors and catalogues): what a person typing in the search box waits for, through
// the API (HTTP, token check, query, JSON), against the floor of the same FTS5 query on a bare
// better-sqlite3 connection to the same file. Product and floor alternate, request by request.
import Database from "better-sqlite3";
import { fmt, mm } from "./format.ts";
import type { BenchRegister } from "./register.ts";
import { timed } from "./service.ts";
import { median } from "./stats.ts";
import type { Run } from "./types.ts";

/** A fragment of vendors' names, of one customer's name (a clone's mark), and of a word in many texts. */
const QUERIES = ["ocFlo", "0004321", "ocumen"];
const TARGET_MS = 50;

export async function measureSearch(run: Run, register: BenchRegister, base: string): Promise<void> {
  // The first search takes in what was written since the last one: here the whole grown register (its rows were queued as they were inserted).
  const first = await timed(`${base}/api/v1/search?q=${encodeURIComponent(QUERIES[0] as string)}`, register.token);
  if (first.status !== 200) throw new Error(`search answered ${first.status}: ${first.bytes.toString().slice(0, 300)}`);
  const entities = countEntities(register.path);
  const floor = new Database(register.path, { readonly: true });
  floor.pragma("journal_mode = WAL");
  const bare = floor.prepare(
    "select e.kind, e.entity_id, e.label from search_index join search_entries e on e.rowid = search_index.rowid where search_index match ? order by rank limit 200",
  );
  const product: number[] = [];
  const floorMs: number[] = [];
  try {
    for (const q of QUERIES) await timed(`${base}/api/v1/search?q=${encodeURIComponent(q)}`, register.token); // warm
    const rounds = run.settings.rounds * 4;
    for (let i = 0; i < rounds; i++) {
      for (const q of QUERIES) {
        const answer = await timed(`${base}/api/v1/search?q=${encodeURIComponent(q)}`, register.token);
        if (answer.status !== 200) throw new Error(`search answered ${answer.status}: ${answer.bytes.toString().slice(0, 300)}`);
        product.push(answer.ms);
        const start = performance.now();
        bare.all(`"${q}"`);
        floorMs.push(performance.now() - start);
      }
    }
  } finally {
    floor.close();
  }
  run.results.push({
    row: `7. search at ${entities.toLocaleString("en")} entities`,
    product: mm(product, "ms"),
    floor: mm(floorMs, "ms"),
    ratio: `${fmt(median(product) / median(floorMs))}x`,
    target: `< ${TARGET_MS} ms`,
    pass: median(product) < TARGET_MS,
    notes: `queries ${QUERIES.map((q) => `"${q}"`).join(", ")}; floor: the FTS5 query on a bare connection; the first search, indexing all ${entities.toLocaleString("en")} queued records, took ${fmt(first.ms / 1000)} s`,
  });
}

function countEntities(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from search_entries").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
