import type Database from "better-sqlite3";
import { CHAIN_RETRIES, type ChainHead, linkUnit, lostChainRace, readChainHead, writesAudit } from "../../core/kernel/audit/audit-chain.ts";
import type { Statement, Store } from "../../core/kernel/ports/store.ts";
import { translateConstraintError } from "../constraint-errors.ts";

/** A statement built by a better-sqlite3 Drizzle instance runs synchronously. */
type SyncStatement = Statement & { run(): unknown };

interface Unit {
  statements: Statement[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the units of work handed over during one turn of the event
 * loop (the requests that arrived together) are written in one BEGIN
 * IMMEDIATE transaction and made durable by one fsync, instead of one each.
 * Each unit runs in its own savepoint, so it still commits entirely or not
 * at all: a unit that breaks a constraint is rolled back alone and its caller
 * gets the conflict, while the others commit. No caller hears of success
 * before the transaction holding its unit has committed, and the batch runs
 * synchronously, so no read ever sees a unit that is not yet committed.
 * Audit rows are linked unit after unit from the head of the chain, which is
 * read again only when something else has written since the last batch:
 * another connection (`pragma data_version` moves only for their commits) or
 * this one outside group commit (`total_changes()`, a test's raw SQL); if
 * another process took the head meanwhile anyway, the primary key on seq
 * refuses the batch and it is linked again from a fresh read.
 */
export function groupCommit(sqlite: Database.Database, store: Store): (statements: Statement[]) => Promise<void> {
  const runUnit = sqlite.transaction((statements: Statement[]) => {
    for (const statement of statements) (statement as SyncStatement).run();
  });
  /** Runs every unit in its savepoint; answers, per unit, undefined (written) or the error that stopped it, and the head after them. */
  const runBatch = sqlite.transaction((units: Unit[], adopt: Statement[], head: ChainHead | undefined) => {
    runUnit(adopt);
    let current = head;
    const outcomes = units.map((unit) => {
      try {
        const linked = current && writesAudit(unit.statements) ? linkUnit(store, current, unit.statements) : undefined;
        runUnit(linked?.statements ?? unit.statements);
        current = linked?.head ?? current;
        return undefined;
      } catch (error) {
        if (lostChainRace(error)) throw error;
        return error ?? new Error("unit failed");
      }
    });
    return { outcomes, head: current };
  });
  const othersCommits = sqlite.prepare("pragma data_version").pluck();
  const ownChanges = sqlite.prepare("select total_changes()").pluck();
  const writeMark = () => `${othersCommits.get()}:${ownChanges.get()}`;
  /** The head after the last batch, and the write mark then. */
  let known: { head: ChainHead; mark: string } | undefined;
  const chainHead = async (): Promise<{ head: ChainHead; adopt: Statement[] }> =>
    known && known.mark === writeMark() ? { head: known.head, adopt: [] } : readChainHead(store);

  async function write(units: Unit[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const audited = units.some((unit) => writesAudit(unit.statements));
        const { head, adopt } = audited ? await chainHead() : { head: undefined, adopt: [] };
        known = undefined;
        const { outcomes, head: after } = runBatch.immediate(units, adopt, head);
        if (after) known = { head: after, mark: writeMark() };
        for (const [i, unit] of units.entries()) {
          if (outcomes[i] === undefined) unit.resolve();
          else fail(unit, outcomes[i]);
        }
        return;
      } catch (error) {
        if (attempt < CHAIN_RETRIES && lostChainRace(error)) continue;
        for (const unit of units) fail(unit, error);
        return;
      }
    }
  }

  let pending: Unit[] = [];
  let writing: Promise<void> = Promise.resolve();
  return (statements) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ statements, resolve, reject });
      if (pending.length > 1) return;
      // Units handed over until the event loop's next check phase join this batch.
      setImmediate(() => {
        const units = pending;
        pending = [];
        writing = writing.then(() => write(units));
      });
    });
}

/** Constraint failures reach the caller as the register's conflict errors. */
function fail(unit: Unit, error: unknown): void {
  try {
    translateConstraintError(error);
  } catch (translated) {
    unit.reject(translated);
  }
}
