export { entity } from "./entity.ts";
