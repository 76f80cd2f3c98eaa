import { changeEvent } from "../change-events.ts";
import canonicalize from "canonicalize";
import { and, eq, inArray, or } from "drizzle-orm";
import { subProcessorChanges } from "../../../../db/schema.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import { localDate } from "../../kernel/clocks/deadline.ts";
import type { Ctx } from "../../kernel/context.ts";
import { sha256Hex } from "../../kernel/secrets/sha256.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import { type SubProcessor, subProcessorKind } from "../../register/index.ts";
import { ChangeProposalInput, type SubProcessorChange } from "../model/sub-processor-change.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { parseInput, withNulls } from "../../kernel/input/parse-input.ts";
import { announcement, DEFAULT_TIME_ZONE } from "../announcement/affected-agreements.ts";
import { activityNames, requireOrganisation } from "./change-facts.ts";
import { toChange } from "../queries/change-rows.ts";
import { checkProposal } from "./check-proposal.ts";

export interface ProposalResult {
  change: SubProcessorChange;
  /** True when an earlier request with the same idempotency key made this change. */
  replayed: boolean;
  noticeCount: number;
}

/** RFC 9110 token-ish keys: what the Idempotency-Key header may carry. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Records a proposed change (creating a new vendor as a "proposed"
 * sub-processor), and with `announce` sends its notices in the same atomic
 * unit. With an idempotency key, a retry returns the first result and writes
 * nothing; the same key with a different request is refused.
 */
export async function proposeChange(ctx: Ctx, raw: unknown, idempotencyKey: string | null): Promise<ProposalResult> {
  if (idempotencyKey !== null && !KEY.test(idempotencyKey)) {
    throw invalid([{ path: "Idempotency-Key", message: "Use 1 to 255 visible ASCII characters, e.g. a UUID." }]);
  }
  const input = parseInput(ChangeProposalInput, raw);
  const requestHash = await sha256Hex(canonicalize(input) ?? "");
  if (idempotencyKey !== null) {
    const earlier = await replay(ctx, idempotencyKey, requestHash);
    if (earlier) return earlier;
  }

  const checked = await checkProposal(ctx, input);
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (input.intendedStart < localDate(now, DEFAULT_TIME_ZONE)) {
    throw invalid([{ path: "intendedStart", message: `${input.intendedStart} is in the past.` }]);
  }
  await refuseOverlap(ctx, checked.subProcessorIds);

  const db = ctx.store.db;
  const statements: Statement[] = [];
  let vendor: Pick<SubProcessor, "legalName" | "service" | "locations"> = checked.vendor as SubProcessor;
  let vendorId = checked.vendor?.id ?? "";
  if (input.vendor) {
    vendorId = ctx.newId();
    const created = {
      ...withNulls(subProcessorKind.input.shape, { ...input.vendor, status: "proposed" as const, activityIds: [] }),
      excludedAgreementIds: [],
      id: vendorId,
      revision: 1,
      createdAt: at,
      updatedAt: at,
      archivedAt: null,
    } as SubProcessor;
    vendor = created;
    statements.push(
      ...subProcessorKind.write(ctx.store, created, true),
      auditStatement(ctx, { action: "create", entityType: "sub_processor", entityId: vendorId, before: null, after: created }, at),
    );
  }
  const change: SubProcessorChange = {
    id: ctx.newId(),
    kind: input.kind,
    subProcessorId: vendorId,
    replacesId: input.replacesId ?? null,
    locations: input.locations ?? null,
    transferMechanism: input.transferMechanism ?? null,
    parentId: input.kind === "change_chain" ? (input.parentId ?? null) : null,
    activityIds: checked.activityIds,
    reason: input.reason,
    intendedStart: input.intendedStart,
    status: "proposed",
    announcedAt: null,
    earliestStart: null,
    effectiveAt: null,
    withdrawnAt: null,
    withdrawalReason: null,
    idempotencyKey,
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
  statements.push(
    db.insert(subProcessorChanges).values({ ...change, requestHash }),
    auditStatement(ctx, { action: "create", entityType: "sub_processor_change", entityId: change.id, before: null, after: change }, at),
    // Before the announcement's: receivers hear of the proposal first.
    ...(await changeEvent(ctx, "change.proposed", change, at)),
  );

  let result: ProposalResult = { change, replayed: false, noticeCount: 0 };
  if (input.announce) {
    const [parent] = change.parentId ? await subProcessorKind.load(db, [change.parentId]) : [];
    const facts = {
      vendor,
      replaced: checked.replaced,
      parent: parent ?? null,
      activityNames: await activityNames(ctx, change.activityIds),
      organisation: await requireOrganisation(ctx),
    };
    const announced = await announcement(ctx, change, facts, input.intendedStart);
    statements.push(...announced.statements);
    result = { change: announced.announced, replayed: false, noticeCount: announced.notices.length };
  }
  try {
    await ctx.store.atomic(statements);
  } catch (error) {
    // Two retries raced: the loser returns what the winner wrote.
    const earlier = idempotencyKey !== null && error instanceof AppError ? await replay(ctx, idempotencyKey, requestHash) : null;
    if (earlier) return earlier;
    throw error;
  }
  return result;
}

async function replay(ctx: Ctx, key: string, requestHash: string): Promise<ProposalResult | null> {
  const [row] = await ctx.store.db.select().from(subProcessorChanges).where(eq(subProcessorChanges.idempotencyKey, key));
  if (!row) return null;
  if (row.requestHash !== requestHash) {
    throw new AppError("validation", `Idempotency-Key ${key} was already used for a different proposal (change ${row.id}).`, [
      { path: "Idempotency-Key", message: "Already used with a different request body; use a new key for a new proposal." },
    ]);
  }
  return { change: toChange(row), replayed: true, noticeCount: 0 };
}

/** One open change per sub-processor at a time: two overlapping windows would contradict each other. */
async function refuseOverlap(ctx: Ctx, subProcessorIds: string[]): Promise<void> {
  const db = ctx.store.db;
  const [open] = await db
    .select({ id: subProcessorChanges.id, status: subProcessorChanges.status })
    .from(subProcessorChanges)
    .where(
      and(
        inArray(subProcessorChanges.status, ["proposed", "announced"]),
        or(inArray(subProcessorChanges.subProcessorId, subProcessorIds), inArray(subProcessorChanges.replacesId, subProcessorIds)),
      ),
    )
    .limit(1);
  if (open) {
    throw new AppError(
      "conflict",
      `Change ${open.id} (${open.status}) already concerns this sub-processor; withdraw it or wait until it takes effect.`,
    );
  }
}
