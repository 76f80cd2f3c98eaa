// How the benchmark writes its figures: fixed digits, and "median [min]" for repeated rounds.
import { median, min } from "./stats.ts";

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
export const mm = (xs: number[], unit: string, digits = 1) => `${fmt(median(xs), digits)} ${unit} [min ${fmt(min(xs), digits)}]`;
