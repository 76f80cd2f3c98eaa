/**
 * The layer and module rules of the README's architecture section, checked on
 * every CI run (`./dev lint`):
 * - core is the product and depends on no framework, driver or runtime;
 * - inside core, the kernel depends on no feature, and a feature reaches
 *   another feature only through that feature's index.ts (its public surface);
 * - http speaks HTTP and reaches the database only through core;
 * - platform/ adapts drivers and runtimes to core's ports: node/ may use Node,
 *   worker/ may not;
 * - db/ (the storage shape) knows only the kernel's value types.
 */
const FEATURE_SURFACE = "^src/core/[^/]+/index\\.ts$";
const BASE = "^src/core/(kernel|generated)/";

module.exports = {
  forbidden: [
    {
      name: "core-stays-inside",
      comment: "src/core may not import the outer layers (http, platform, entry, cli, spreadsheets).",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^src/(http|platform|entry|cli|spreadsheets)/" },
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
      name: "kernel-knows-no-feature",
      comment: "The kernel is what every feature stands on: it may not import a feature.",
      severity: "error",
      from: { path: "^src/core/kernel/" },
      to: { path: "^src/core/", pathNot: BASE },
    },
    {
      name: "features-meet-at-their-index",
      comment: "A feature imports another feature only through its index.ts.",
      severity: "error",
      from: { path: "^src/core/([^/]+)/", pathNot: BASE },
      to: { path: "^src/core/", pathNot: ["^src/core/$1/", BASE, FEATURE_SURFACE] },
    },
    {
      name: "outer-layers-meet-features-at-their-index",
      comment: "http, cli, entry, platform and spreadsheets use a feature through its index.ts (the kernel directly).",
      severity: "error",
      from: { path: "^(src/(http|cli|entry|platform|spreadsheets)/|src/app\\.ts$)" },
      to: { path: "^src/core/", pathNot: [BASE, FEATURE_SURFACE] },
    },
    {
      name: "no-cycles-in-core",
      comment: "Features form a hierarchy (register below changes below dashboard...): a cycle makes module start-up order fragile.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { circular: true },
    },
    {
      name: "http-goes-through-core",
      comment: "src/http reaches the database only through core's use cases: never a driver, a platform adapter or the schema.",
      severity: "error",
      from: { path: "^src/http/" },
      to: { path: "^(src/platform/|db/|node_modules/(better-sqlite3|drizzle-orm)/)" },
    },
    {
      name: "platform-does-not-speak-http",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { path: "^src/(http|entry|cli)/" },
    },
    {
      name: "worker-platform-has-no-node",
      comment: "src/platform/worker runs in workerd: no Node built-in, no Node-only adapter.",
      severity: "error",
      from: { path: "^src/platform/worker/" },
      to: { path: "^src/platform/node/|(^|/)node_modules/(better-sqlite3|nodemailer)/" },
    },
    {
      name: "worker-platform-has-no-node-builtins",
      severity: "error",
      from: { path: "^src/platform/worker/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "db-knows-only-value-types",
      comment: "db/ (the storage shape) may import the kernel's value types and nothing else of src.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^src/", pathNot: "^src/core/kernel/values/" },
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
