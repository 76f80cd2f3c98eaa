import { inArray, like, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { customers } from "../../../db/schema.ts";
import { Customer, CustomerInput } from "../model/customer.ts";
import { CountryCode } from "../model/values.ts";
import type { EntityKind } from "./entity-kind.ts";
import { inOrder } from "./links.ts";
import { orNull, putRow, withoutMeta } from "./rows.ts";

const Filter = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe("Text contained in the legal name."),
  country: CountryCode.optional(),
});

export const customerKind: EntityKind<Customer, CustomerInput, z.infer<typeof Filter>> = {
  type: "customer",
  label: "customer",
  input: CustomerInput,
  output: Customer,
  filter: Filter,
  table: customers,
  columns: { id: customers.id, revision: customers.revision, archivedAt: customers.archivedAt },
  removal: "archive",

  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await db.select().from(customers).where(inArray(customers.id, ids));
    return inOrder(
      ids,
      rows.map((r) => ({
        ...r,
        companyNumber: orNull(r.companyNumber),
        dpo: orNull(r.dpo),
        language: r.language as Customer["language"],
      })),
    );
  },

  where(_db, filter) {
    const conditions: SQL[] = [];
    if (filter.q) conditions.push(like(customers.legalName, `%${filter.q}%`));
    if (filter.country) conditions.push(sql`json_extract(${customers.address}, '$.country') = ${filter.country}`);
    return conditions;
  },

  async check() {
    return [];
  },

  write(db, entity, isNew) {
    return [putRow(db, customers, customers.id, entity, isNew)];
  },

  toInput: withoutMeta,
};
