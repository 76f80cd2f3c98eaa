// Small helpers both benchmarks' reports use.
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const pad = (s: string | number, w: number) => String(s).padStart(w);
