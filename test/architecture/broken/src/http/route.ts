// Deliberately breaks the layer rules: http reaching the storage adapter, the schema, a feature's insides and test code.
import { table } from "../../db/schema.ts";
import { helper } from "../../test/helper.ts";
import { entity } from "../core/register/entity.ts";
import { store } from "../platform/node/store.ts";

export const route: unknown[] = [store, table, entity, helper];
