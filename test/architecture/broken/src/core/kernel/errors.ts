// Deliberately breaks the layer rules: the kernel importing a feature.
import { entity } from "../register/index.ts";

export const errors: unknown[] = [entity];
