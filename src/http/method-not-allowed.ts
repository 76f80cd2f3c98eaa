/**
 * The methods each route path answers, for a 405 with Allow (RFC 9110
 * §15.5.6) where a path exists but not with the method asked: a 404 would say
 * the resource is not there at all. Built once, from the app's own routes.
 */
export function allowedMethods(routes: ReadonlyArray<{ method: string; path: string }>): (path: string) => string[] {
  const byPattern = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const route of routes) {
    // Middleware is registered for every method ("ALL") and answers nothing by itself.
    if (route.method === "ALL" || route.path.includes("*")) continue;
    const entry = byPattern.get(route.path) ?? { pattern: patternOf(route.path), methods: new Set<string>() };
    entry.methods.add(route.method);
    if (route.method === "GET") entry.methods.add("HEAD");
    byPattern.set(route.path, entry);
  }
  return (path) => {
    const methods = new Set<string>();
    for (const { pattern, methods: answered } of byPattern.values()) if (pattern.test(path)) for (const m of answered) methods.add(m);
    return [...methods].sort();
  };
}

function patternOf(path: string): RegExp {
  const source = path
    .split("/")
    .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}/?$`);
}
