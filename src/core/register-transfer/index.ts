export { RegisterExport } from "./export-format.ts";
export { exportRegister } from "./export-register.ts";
export { importRegister } from "./import-register.ts";
export { referencedFirst } from "./register-tables.ts";
