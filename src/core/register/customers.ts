import { or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { customers } from "../../../db/schema.ts";
import { Customer, CustomerInput } from "./model/customer.ts";
import { CountryCode } from "../kernel/values/values.ts";
import type { EntityKind } from "./entity-kind.ts";
import { inOrder } from "./links.ts";
import { checkReferenceFree, NAMED_CUSTOMER } from "./named-records.ts";
import { contains, orNull, putRow, rowsByIds, withoutMeta } from "./rows.ts";

const Filter = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe("Text contained in the legal name or the reference."),
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
  named: NAMED_CUSTOMER,

  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await rowsByIds(db, customers, customers.id, ids);
    return inOrder(
      ids,
      rows.map((r) => ({
        ...r,
        reference: orNull(r.reference),
        companyNumber: orNull(r.companyNumber),
        dpo: orNull(r.dpo),
      })),
    );
  },

  where(_db, filter) {
    const conditions: SQL[] = [];
    if (filter.q) conditions.push(or(contains(customers.legalName, filter.q), contains(customers.reference, filter.q)) as SQL);
    if (filter.country) conditions.push(sql`json_extract(${customers.address}, '$.country') = ${filter.country}`);
    return conditions;
  },

  check(db, input, id) {
    return checkReferenceFree(db, NAMED_CUSTOMER, input.reference, id);
  },

  write(store, entity, isNew) {
    return putRow(store, customers, customers.id, entity, isNew);
  },

  toInput: withoutMeta,
};
