/**
 * The whole register as one versioned JSON file: export, check, import into an empty register.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { RegisterExport } from "./export-format.ts";
export { exportRegister } from "./export-register.ts";
export { importRegister } from "./import-register.ts";
export { referencedFirst } from "./register-tables.ts";
