/**
 * Kafka's default partitioner for keyed records: murmur2 over the key's UTF-8 bytes (the Java
 * client's `Utils.murmur2`, seed 0x9747b28c), made positive with `& 0x7fffffff` (`Utils.toPositive`,
 * not Math.abs, so Integer.MIN_VALUE cannot stay negative), then modulo the partition count.
 * Null keys are spread by the sticky partitioner (see `stickyPartition`).
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** UTF-8 bytes of a string (what Kafka's StringSerializer produces). */
export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** 32-bit murmur2 exactly as Kafka's `Utils.murmur2`: returns a signed 32-bit integer. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const whole = length >> 2;
  for (let i = 0; i < whole; i++) {
    const i4 = i * 4;
    let k = data[i4] | (data[i4 + 1] << 8) | (data[i4 + 2] << 16) | (data[i4 + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = length & ~3;
  switch (length % 4) {
    case 3:
      h ^= data[tail + 2] << 16;
    // falls through
    case 2:
      h ^= data[tail + 1] << 8;
    // falls through
    case 1:
      h ^= data[tail];
      h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit. */
export const toPositive = (n: number) => n & 0x7fffffff;

/** The partition the default partitioner picks for a non-null key. */
export function partitionForKey(key: string, numPartitions: number): number {
  return toPositive(murmur2(utf8(key))) % numPartitions;
}
