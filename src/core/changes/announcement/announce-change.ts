import type { Ctx } from "../../kernel/context.ts";
import { AppError } from "../../kernel/errors.ts";
import { AnnounceInput, type SubProcessorChange } from "../model/sub-processor-change.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { announcement } from "./affected-agreements.ts";
import { loadFacts } from "../proposal/change-facts.ts";
import { findChangeRow, toChange, guardChange } from "../queries/change-rows.ts";

/** Announces a proposed change: its notices, their audit entries and e-mails in one atomic unit. */
export async function announceChange(ctx: Ctx, id: string, raw: unknown): Promise<SubProcessorChange> {
  const input = parseInput(AnnounceInput, raw);
  const db = ctx.store.db;
  const change = toChange(await findChangeRow(db, id));
  if (change.status !== "proposed")
    throw new AppError("conflict", `Change ${id} is ${change.status}; only a proposed change can be announced.`);
  const { change: _, ...facts } = await loadFacts(ctx, change);
  const result = await announcement(ctx, change, facts, input.intendedStart ?? change.intendedStart);
  await ctx.store.atomic([guardChange(db, change), ...result.statements, clearGuards(db)]);
  return result.announced;
}
