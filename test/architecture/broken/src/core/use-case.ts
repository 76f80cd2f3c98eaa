// Deliberately breaks the layer rules: core reaching out to http, to a framework and to Node.
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { route } from "../http/route.ts";

export const broken: unknown[] = [readFileSync, Hono, route];
