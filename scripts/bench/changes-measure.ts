// One size of the changes benchmark: the use cases, the baseline and a phase breakdown,
// interleaved run by run so that drift of the machine hits all of them alike.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { affectedAgreements, announcement } from "../../src/core/changes/announcement/affected-agreements.ts";
import { announceChange } from "../../src/core/changes/announcement/announce-change.ts";
import { loadFacts } from "../../src/core/changes/proposal/change-facts.ts";
import { findChangeRow, toChange } from "../../src/core/changes/queries/change-rows.ts";
import { noticeMail } from "../../src/core/changes/announcement/mail-text.ts";
import { proposeChange } from "../../src/core/changes/proposal/propose-change.ts";
import { deadlineFrom } from "../../src/core/kernel/clocks/deadline.ts";
import { bareInsert } from "./changes-baseline.ts";
import { buildRegister, NOW, proposal } from "./changes-register.ts";
import { countWritten, dbBytes, verify, type Written } from "./changes-verify.ts";
import { sampleRun } from "./peak-memory.ts";
import { dispose } from "./temp-store.ts";

// A full GC before each measured run, so "+MiB" is what that run needed (the npm script runs plain `node`).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export interface Row {
  n: number;
  path: string;
  samples: number[];
  extraMiB: number[];
  peakMiB: number[];
  rows: number;
  written?: Written;
}

export async function benchSize(n: number, runs: number): Promise<{ rows: Row[]; setupMs: number }> {
  const reg = await buildRegister(n);
  console.error(`N=${n}: register set up in ${(reg.setupMs / 1000).toFixed(1)} s; announcing ...`);
  const { ctx, activityId } = reg;
  const row = (path: string, rows: number): Row => ({ n, path, samples: [], extraMiB: [], peakMiB: [], rows });
  // rows each path writes: the change (and with propose, the vendor, the change insert and their audit entries) plus 3 per agreement
  const base = row("baseline: bare multi-row INSERT of the same 3N rows, one transaction", 3 * n);
  const propose = row("proposeChange, announce: true", 3 * n + 6);
  const announce = row("announceChange of a proposed change", 3 * n + 2);
  const query = row("  phase: find the affected agreements (query)", 0);
  const build = row("  phase: notices, deadlines, e-mail texts, statements", 0);
  const deadlines = row("  phase: of which deadlineFrom, once per agreement", 0);
  const mails = row("  phase: of which noticeMail, once per agreement", 0);
  const toSql = row("  phase: drizzle SQL + parameters of every statement", 0);
  const write = row("  phase: atomic write (drizzle + SQLite + commit)", 3 * n + 2);

  // Warm-up (JIT, prepared migrations, page cache): one full announcement, not counted.
  const warm = await proposeChange(ctx, proposal(activityId, true), crypto.randomUUID());
  verify(reg, n, warm.change.id, "warm-up");

  for (let r = 0; r < runs; r++) {
    // proposeChange with announce: true, the whole use case.
    const size0 = dbBytes(reg.store);
    const p = await sampleRun(() => proposeChange(ctx, proposal(activityId, true), crypto.randomUUID()), gc);
    if (p.value.noticeCount !== n) throw new Error(`proposeChange reported ${p.value.noticeCount} notices, expected ${n}`);
    verify(reg, n, p.value.change.id, "proposeChange");
    propose.samples.push(p.ms);
    propose.extraMiB.push(p.growthMiB);
    propose.peakMiB.push(p.peakMiB);
    propose.written ??= { ...countWritten(reg, p.value.change.id), dbGrowthKiB: (dbBytes(reg.store) - size0) / 1024 };

    // Baseline, from the rows that announcement wrote.
    const b = bareInsert(reg, p.value.change.id);
    if (b.rows !== 3 * n) throw new Error(`baseline copied ${b.rows} rows, expected ${3 * n}`);
    base.samples.push(b.ms);

    // announceChange of a change proposed just before (the proposal is not timed).
    const proposed = await proposeChange(ctx, proposal(activityId, false), crypto.randomUUID());
    const a = await sampleRun(() => announceChange(ctx, proposed.change.id, {}), gc);
    verify(reg, n, proposed.change.id, "announceChange");
    announce.samples.push(a.ms);
    announce.extraMiB.push(a.growthMiB);
    announce.peakMiB.push(a.peakMiB);

    // Where the time goes: the steps announceChange takes, timed one by one (same functions).
    const phased = await proposeChange(ctx, proposal(activityId, false), crypto.randomUUID());
    const change = toChange(await findChangeRow(ctx.store.db, phased.change.id));
    const { change: _, ...facts } = await loadFacts(ctx, change);
    let t0 = performance.now();
    const told = await affectedAgreements(ctx, change.activityIds);
    query.samples.push(performance.now() - t0);
    t0 = performance.now();
    const built = await announcement(ctx, change, facts, change.intendedStart); // runs the query again, subtracted below
    build.samples.push(performance.now() - t0 - query.samples.at(-1)!);
    // Two parts of that build, timed alone on the same agreements (announcement() calls these same functions once per agreement).
    t0 = performance.now();
    for (const a of told) deadlineFrom(NOW, a.clocks.subProcessorNotice, a);
    deadlines.samples.push(performance.now() - t0);
    const announcedFacts = { ...facts, change: built.announced };
    t0 = performance.now();
    told.forEach((a, i) => {
      noticeMail(announcedFacts, built.notices[i]!, a, { legalName: a.customerName, contact: a.contact });
    });
    mails.samples.push(performance.now() - t0);
    t0 = performance.now();
    for (const s of built.statements) (s as unknown as { toSQL(): unknown }).toSQL();
    toSql.samples.push(performance.now() - t0);
    t0 = performance.now();
    await ctx.store.atomic(built.statements);
    write.samples.push(performance.now() - t0);
    verify(reg, n, phased.change.id, "phases");
    console.error(
      `  run ${r + 1}/${runs}: propose+announce ${p.ms.toFixed(0)} ms, announce ${a.ms.toFixed(0)} ms, bare insert ${b.ms.toFixed(0)} ms`,
    );
  }
  dispose(reg.store);
  return { rows: [base, propose, announce, query, build, deadlines, mails, toSql, write], setupMs: reg.setupMs };
}
