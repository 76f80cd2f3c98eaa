/**
 * The layer rules of ENGINEERING.md, checked on every CI run (`./dev lint`):
 * core is the product and depends on no framework, driver or runtime; http
 * speaks HTTP and reaches the database only through core; storage adapts
 * drivers to core's ports; db/ (the storage shape) knows only core's value types.
 */
module.exports = {
  forbidden: [
    {
      name: "core-stays-inside",
      comment: "src/core may not import the outer layers (http, storage, entry, cli, delivery, spreadsheets).",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^src/(http|storage|entry|cli|delivery|spreadsheets)/" },
    },
    {
      name: "core-has-no-framework-or-driver",
      comment: "src/core runs on Node and in Workers alike: no web framework, database driver, mailer or Node built-in.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "(^|/)node_modules/(hono|@hono|better-sqlite3|nodemailer|@cloudflare|wrangler)/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "core-has-no-node-builtins",
      severity: "error",
      from: { path: "^src/core/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "http-goes-through-core",
      comment: "src/http reaches the database only through core's use cases: never a driver, the storage adapters or the schema.",
      severity: "error",
      from: { path: "^src/http/" },
      to: { path: "^(src/storage/|db/|node_modules/(better-sqlite3|drizzle-orm)/)" },
    },
    {
      name: "storage-does-not-speak-http",
      severity: "error",
      from: { path: "^src/storage/" },
      to: { path: "^src/(http|entry|cli)/" },
    },
    {
      name: "db-knows-only-value-types",
      comment: "db/schema.ts (the storage shape) may import the kernel's value types and nothing else of src.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^src/", pathNot: "^src/core/model/values\\.ts$" },
    },
    {
      name: "no-test-code-in-src",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^test/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)generated/" },
    // TypeScript 7 has no compiler API yet: swc parses the sources (type-only imports are still told apart).
    parser: "swc",
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".js"] },
  },
};
