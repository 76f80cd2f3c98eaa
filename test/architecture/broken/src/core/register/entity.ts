// Deliberately breaks the layer rules: a cycle between two features, through their surfaces.
import { propose } from "../changes/index.ts";

export const entity: unknown[] = [propose];
