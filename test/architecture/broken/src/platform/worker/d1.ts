// Deliberately breaks the layer rules: the Worker's adapter using Node.
import { createHash } from "node:crypto";
import { store } from "../node/store.ts";

export const d1: unknown[] = [store, createHash];
