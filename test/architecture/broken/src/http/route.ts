// Deliberately breaks the layer rules: http reaching the storage adapter and the schema directly.
import { table } from "../../db/schema.ts";
import { store } from "../storage/store.ts";

export const route: unknown[] = [store, table];
