import { eq } from "drizzle-orm";
import { organisation } from "../../../db/schema.ts";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError, checkPrecondition } from "../kernel/errors.ts";
import { Organisation, OrganisationInput } from "./organisation-model.ts";
import type { Db } from "../kernel/ports/store.ts";
import { parseInput, withNulls } from "../kernel/input/parse-input.ts";
import { staleRevision } from "../register/index.ts";
import { clearGuards, guardRow } from "../kernel/write-guard.ts";

/** The register belongs to one organisation: its profile is a single row. */
const ORGANISATION_ID = "00000000-0000-7000-8000-000000000001";

export async function loadOrganisation(db: Db): Promise<Organisation | null> {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, ORGANISATION_ID));
  if (!row) return null;
  return Organisation.parse({
    ...row,
    companyNumber: row.companyNumber ?? null,
    dpo: row.dpo ?? null,
    euRepresentative: row.euRepresentative ?? null,
    jointControllers: row.jointControllers ?? [],
  });
}

export async function getOrganisation(ctx: Ctx): Promise<Organisation> {
  const found = await loadOrganisation(ctx.store.db);
  if (!found) throw new AppError("not_found", "The organisation profile has not been set up yet: PUT /api/v1/organisation.");
  return found;
}

/** Creates or replaces the profile, audited like every other change. */
export async function putOrganisation(
  ctx: Ctx,
  raw: unknown,
  options: { expectedRevision?: number; ifMatch?: number[] } = {},
): Promise<Organisation> {
  const input = withNulls(OrganisationInput.shape, parseInput(OrganisationInput, raw));
  const db = ctx.store.db;
  const current = await loadOrganisation(db);
  checkPrecondition("The organisation profile", current?.revision ?? 0, options.ifMatch);
  // A form opened before the profile existed expects revision 0; a concurrent first save fails on the primary key.
  if (options.expectedRevision !== undefined && (current?.revision ?? 0) !== options.expectedRevision) {
    throw staleRevision("the organisation profile", options.expectedRevision, current?.revision ?? 0);
  }
  const now = ctx.clock.now().toISOString();
  const next: Organisation = {
    ...input,
    id: ORGANISATION_ID,
    revision: (current?.revision ?? 0) + 1,
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
  } as Organisation;
  const audit = auditStatement(
    ctx,
    { action: current ? "update" : "create", entityType: "organisation", entityId: ORGANISATION_ID, before: current, after: next },
    now,
  );
  if (!current) {
    await ctx.store.atomic([db.insert(organisation).values(next), audit]);
  } else {
    await ctx.store.atomic([
      guardRow(db, { table: organisation, id: organisation.id, revision: organisation.revision }, ORGANISATION_ID, current.revision),
      db.update(organisation).set(next).where(eq(organisation.id, ORGANISATION_ID)),
      audit,
      clearGuards(db),
    ]);
  }
  return next;
}
