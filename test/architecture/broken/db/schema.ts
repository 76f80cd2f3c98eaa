// Deliberately breaks the layer rules: the storage shape importing a use case (its value types are allowed).
import { broken } from "../src/core/changes/propose.ts";
import { LANGUAGES } from "../src/core/kernel/values/values.ts";

export const table: unknown[] = [broken, LANGUAGES];
