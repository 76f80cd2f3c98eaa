// Deterministic pseudo-random choices (mulberry32) for the benchmark's register: the same seed, the same register.
export function rng(seed: number) {
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const one = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const some = <T>(items: readonly T[], lo: number, hi: number): T[] => {
    const picked = new Set<T>();
    for (let want = Math.min(int(lo, hi), items.length); picked.size < want; ) picked.add(one(items));
    return [...picked];
  };
  return { int, one, some };
}
