// Deliberately breaks the layer rules: a feature reaching past another's surface, out to http, a framework and Node.
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { route } from "../../http/route.ts";
import { entity } from "../register/entity.ts";

export const broken: unknown[] = [readFileSync, Hono, route, entity];
