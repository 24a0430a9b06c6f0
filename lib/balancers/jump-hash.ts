const MULTIPLIER = 2862933555777941757n;
const TWO_POW_31 = 2 ** 31;

/** Jump consistent hash: the bucket in [0, buckets) for a 64-bit key (Lamping & Veach 2014; vectors from dgryski/go-jump). */
export function jumpHash(key: bigint, buckets: number): number {
  if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`jumpHash needs a positive whole number of buckets; got ${buckets}`);
  let k = BigInt.asUintN(64, key);
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    k = BigInt.asUintN(64, k * MULTIPLIER + 1n);
    // The reference divides in double precision; (k >> 33) + 1 is below 2^31, so the Number conversion is exact.
    j = Math.floor((b + 1) * (TWO_POW_31 / (Number(k >> 33n) + 1)));
  }
  return b;
}
