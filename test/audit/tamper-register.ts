import { newSigningKey, signCheckpoint, signerFromKey, type CheckpointSigner } from "../../src/core/kernel/audit/checkpoints.ts";
import { type Clock, makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { customerKind } from "../../src/core/register/customers.ts";
import { subjectCategoryKind } from "../../src/core/register/subject-categories.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { createToken } from "../../src/core/accounts/token-use-cases.ts";
import { updateEntity } from "../../src/core/register/use-cases/update-entity.ts";
import { createUser } from "../../src/core/accounts/user-use-cases.ts";
import { tickingClock } from "../helpers/clocks.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";

/** Plain SQL on the database file, as someone with database access has it: better-sqlite3 on Node, the D1 binding in workerd. */
export interface RawDb {
  all(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string, ...params: unknown[]): Promise<void>;
}

/** What a tamper needs to know about the register it edits. */
export interface Register {
  store: Store;
  raw: RawDb;
  signer: CheckpointSigner;
  /** Checkpoints as a third party kept them (from the public endpoint) before the edit. */
  published: unknown[];
}

/**
 * The demo register with more history: a user and a token, a checkpoint,
 * then a customer renamed twice after it, so the chain has a tail beyond the
 * last checkpoint that changes an entity.
 */
export async function buildRegister(store: Store, raw: RawDb): Promise<Register> {
  const clock: Clock = tickingClock("2025-02-01T09:00:00.000Z");
  await loadDemoRegister(store);
  const ctx = makeCtx(store, SYSTEM_ACTOR, clock);
  await createUser(
    ctx,
    { email: "editor@demo.example", name: "Eddie Editor", role: "editor", password: "a long enough password" },
    { N: 1024, r: 8, p: 1 },
  );
  await createToken(ctx, { name: "procurement", role: "procurement" });
  await createEntity(ctx, subjectCategoryKind, { name: { en: "Website visitors" } });
  const signer = await signerFromKey((await newSigningKey()).privateKey);
  const published = [await signCheckpoint(store, signer, clock)];
  await updateEntity(ctx, customerKind, "CF-CUST-002", { legalName: "Renamed once NV" });
  await updateEntity(ctx, customerKind, "CF-CUST-002", { legalName: "Renamed twice NV" });
  return { store, raw, signer, published };
}
