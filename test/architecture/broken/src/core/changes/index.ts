export { broken as propose } from "./propose.ts";
