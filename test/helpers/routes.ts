import { createApp } from "../../src/app.ts";
import type { Permission } from "../../src/core/kernel/roles.ts";
import { memoryStore } from "./sqlite.ts";

export interface RouteInfo {
  method: string;
  path: string;
  permission: Permission;
}

/** Every operation the OpenAPI document declares, with the permission it declares. */
export async function documentedRoutes(): Promise<RouteInfo[]> {
  const response = await createApp({ store: memoryStore() }).request("/api/openapi.json");
  const doc = (await response.json()) as { paths: Record<string, Record<string, { "x-required-permission"?: Permission }>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      if (!op["x-required-permission"]) throw new Error(`${method} ${path} declares no permission`);
      return { method: method.toUpperCase(), path, permission: op["x-required-permission"] };
    }),
  );
}

/** A concrete URL for a documented path: {id} becomes an id that names nothing. */
export const concrete = (path: string) => path.replace("{id}", "01a1ff89-0000-7000-8000-000000000000");
