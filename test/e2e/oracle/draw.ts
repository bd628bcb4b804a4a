import fc from 'fast-check';

/**
 * The random choices the world and query generators make, behind a tiny interface so that they
 * read as plain code. `fromGen` draws through fast-check's `gen()` (seeded, replayable with the
 * seed and the run index of the failure).
 */
export interface Draw {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  bool(p?: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/**
 * Uniform integers: fast-check's `integer` favours values near the bounds (its bias), which
 * would turn every `bool(0.08)` into a coin toss.
 */
const uniform = (min: number, max: number): fc.Arbitrary<number> => fc.noBias(fc.integer({ min, max }));

/** A `Draw` over fast-check's `gen()` value. */
export function fromGen(g: fc.GeneratorValue): Draw {
  const int = (min: number, max: number): number => (min >= max ? min : g(uniform, min, max));
  return {
    int,
    bool: (p = 0.5) => int(0, 999) < p * 1000,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty array');
      return items[int(0, items.length - 1)]!;
    },
  };
}

/** A `Draw` over a small seeded PRNG (mulberry32), for generators used outside fast-check. */
export function fromSeed(seed: number): Draw {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min, max) => (min >= max ? min : min + Math.floor(next() * (max - min + 1))),
    bool: (p = 0.5) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty array');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
