/**
 * The ClearFacts demo register (ClearFacts' article 13 DPA annex as register data).
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { loadDemoData } from "./load-demo-data.ts";
