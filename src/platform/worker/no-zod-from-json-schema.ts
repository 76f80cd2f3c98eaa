// The Worker's stand-in for zod's fromJSONSchema (wrangler.toml [alias] of zod's
// "./from-json-schema.js"): it builds zod schemas from JSON Schema documents, which the service
// never does (its schemas are written in zod and turned into JSON Schema, not the reverse).
// About 12 KiB of the minified bundle.
export function fromJSONSchema(): never {
  throw new Error("zod's fromJSONSchema is not available in the Worker.");
}
