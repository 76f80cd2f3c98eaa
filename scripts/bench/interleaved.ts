// Product and floor rounds alternate, so drift on the machine touches both alike.

/** Alternates product and floor, swapping which goes first each round. */
export async function interleaved<T>(
  rounds: number,
  product: () => Promise<T>,
  floor: () => Promise<T>,
): Promise<{ product: T[]; floor: T[] }> {
  const out = { product: [] as T[], floor: [] as T[] };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      out.product.push(await product());
      out.floor.push(await floor());
    } else {
      out.floor.push(await floor());
      out.product.push(await product());
    }
  }
  return out;
}
