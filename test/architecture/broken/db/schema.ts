// Deliberately breaks the layer rules: the storage shape importing a use case.
import { broken } from "../src/core/use-case.ts";

export const table: unknown[] = broken;
