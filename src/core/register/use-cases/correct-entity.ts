import { z } from "zod";
import type { Ctx } from "../../kernel/context.ts";
import { AppError, pathOf } from "../../kernel/errors.ts";
import type { EntityKind, EntityMeta } from "../entity-kind.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { updateEntity } from "./update-entity.ts";

export const CorrectionInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, "Say what was wrong and how customers were told (at least 10 characters).")
    .max(5000)
    .describe("What was wrong, and how the customers concerned were told; kept in the audit trail and shown in the history."),
  changes: z.record(z.string(), z.unknown()).describe("The fields to set, as in a PATCH; fields left out keep their value."),
});

/**
 * An admin's correction of a real mistake in fields that otherwise change
 * only through a workflow (a sub-processor's locations, status, chain…). It is
 * validated like any edit, and recorded as a correction with its reason.
 */
export async function correctEntity<E extends EntityMeta, I extends object>(
  ctx: Ctx,
  kind: EntityKind<E, I>,
  idOrReference: string,
  raw: unknown,
  options: { ifMatch?: number[] } = {},
): Promise<E> {
  if (ctx.actor.role !== "admin") throw new AppError("forbidden", "Only an admin may correct what follows a workflow.");
  const input = parseInput(CorrectionInput, raw);
  try {
    return await updateEntity(ctx, kind, idOrReference, input.changes, { ...options, correction: { reason: input.reason } });
  } catch (error) {
    // The fields sit under "changes" in a correction's body.
    if (error instanceof AppError && error.code === "validation") {
      throw new AppError(
        "validation",
        error.message,
        error.issues.map((issue) => ({ ...issue, path: pathOf([issue.path], "changes") })),
      );
    }
    throw error;
  }
}
