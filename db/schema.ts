// Storage shape of the register. The contract shape (what the API accepts and
// returns) lives in src/core/model and is mapped to these rows on purpose:
// columns can change without breaking API clients, and the reverse.
// The tables live in db/schema/ by area; this file is the one entry point
// (drizzle.config.ts, the stores and the use cases import it). Columns with a
// closed set of values are typed by the tuples in src/core/kernel/values/values.ts.
export * from "./schema/accounts.ts";
export * from "./schema/audit.ts";
export * from "./schema/breaches.ts";
export * from "./schema/changes.ts";
export * from "./schema/customer-audits.ts";
export * from "./schema/obligations.ts";
export * from "./schema/register.ts";
export * from "./schema/service.ts";
