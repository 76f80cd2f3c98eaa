// Builds dist/node/server/node.js: the Node service (src/entry/node.ts) as one
// esbuild bundle, which starts several times faster and in half the memory of
// Node loading hundreds of .ts modules. `npm start` runs it first; it rebuilds
// only when src/, db/, package.json, package-lock.json, tsconfig.json, this
// script or the Node version changed since the bundle was written (recorded in STAMP by build-stamp.ts). Tests and the CLI still run the .ts files directly.
// The bundle sits two folders below dist/ so that paths the code resolves from
// import.meta.url (the migrations, three levels up from src/platform/node/)
// point at the same files as from src/.
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { buildStamp, filesBelow } from "./build-stamp.ts";

const OUT_DIR = "dist/node/server";
const OUTFILE = `${OUT_DIR}/node.js`;
const WRITER_OUTFILE = `${OUT_DIR}/sqlite-writer-thread.js`;
const STAMP = `${OUT_DIR}/.build-server.json`;
/** Loaded from node_modules at run time: native addons (and their loaders) cannot be bundled. */
const EXTERNAL = ["better-sqlite3"];

const hash = createHash("sha256");
for (const file of [
  ...filesBelow("src"),
  ...filesBelow("db"),
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  import.meta.filename,
].sort())
  hash.update(`${file}\0`).update(readFileSync(file)).update("\0");
hash.update(`node ${process.version}\0`);
const inputs = hash.digest("hex");

const stamp = buildStamp(STAMP, inputs, [OUTFILE, WRITER_OUTFILE]);
if (stamp.fresh()) process.exit(0);

const { build } = await import("esbuild");
rmSync(OUT_DIR, { recursive: true, force: true });
await build({
  // The writer thread (sqlite-store.ts) is found beside the bundle under its source's name.
  entryPoints: { node: "src/entry/node.ts", "sqlite-writer-thread": "src/platform/node/sqlite-writer-thread.ts" },
  outdir: OUT_DIR,
  // What is imported with import() (the PDF renderer, the spreadsheet reader, the SMTP client) goes
  // to chunks loaded on first use: the service is ready sooner and smaller.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: `node${process.versions.node.split(".")[0]}`,
  sourcemap: true,
  external: EXTERNAL,
  legalComments: "none",
  logLevel: "warning",
  // CommonJS packages in an ES module bundle still call require() for Node's built-ins.
  banner: { js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);' },
});
stamp.write();
console.error(`server built: ${OUTFILE}`);
