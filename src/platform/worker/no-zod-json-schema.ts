// The Worker's stand-in for zod's JSON Schema generator (wrangler.toml [alias] of zod's own imports
// of "to-json-schema.js" and "json-schema-generator.js"): z.toJSONSchema, a schema's toJSONSchema()
// and its Standard Schema jsonSchema, which nothing here calls (the OpenAPI document's schemas come
// from @asteasolutions/zod-to-openapi, which has its own generator; it reads the checks a schema
// aggregates, in zod's json-schema-processors.js, which stays). A schema still gets these methods;
// calling one fails with this error.
const unavailable = (): never => {
  throw new Error("zod's JSON Schema output is not available in the Worker.");
};

export const initializeContext = unavailable;
export const handleUnrepresentable = unavailable;
export const processSchema = unavailable;
export { processSchema as process };
export const extractDefs = unavailable;
export const finalize = unavailable;
export const createToJSONSchemaMethod = (): (() => never) => unavailable;
export const createStandardJSONSchemaMethod = (): (() => never) => unavailable;

export class JSONSchemaGenerator {
  constructor() {
    unavailable();
  }
}
