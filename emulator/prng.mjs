// @ts-check
// Seeded randomness: every generated value is a pure function of (seed, key), so two emulators
// with the same seed and start instant answer byte-identical bodies.

/**
 * 32-bit FNV-1a hash of the string forms of `parts`, joined with a separator.
 * @param {...(string|number)} parts
 * @returns {number} unsigned 32-bit integer
 */
export function hash32(...parts) {
  const text = parts.join('\u241f');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix) so that nearby keys give unrelated values.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic number in [0, 1) for the given key parts. */
export function hash01(/** @type {(string|number)[]} */ ...parts) {
  return hash32(...parts) / 4294967296;
}

/**
 * mulberry32: small, fast, good enough for test data.
 * @param {number} seed
 * @returns {() => number} generator of numbers in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Helpers around one random stream.
 * @typedef {object} Random
 * @property {() => number} next          uniform [0, 1)
 * @property {(min: number, max: number) => number} range   uniform [min, max)
 * @property {(min: number, max: number) => number} int     integer in [min, max]
 * @property {(p: number) => boolean} chance
 * @property {<T>(items: readonly T[]) => T} pick
 * @property {<T>(items: readonly T[], weight: (item: T) => number) => T} weighted
 * @property {<T>(items: readonly T[]) => T[]} shuffled     a shuffled copy
 */

/**
 * @param {...(string|number)} key
 * @returns {Random}
 */
export function randomFor(...key) {
  const next = mulberry32(hash32(...key));
  /** @type {Random} */
  const random = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(items, weight) {
      const total = items.reduce((sum, item) => sum + weight(item), 0);
      let r = next() * total;
      for (const item of items) {
        r -= weight(item);
        if (r < 0) return item;
      }
      return items[items.length - 1];
    },
    shuffled(items) {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
  return random;
}

/**
 * Smooth 1-D value noise in [0, 1]: random values at integer nodes, smoothstep in between.
 * Used for weather that drifts over hours instead of flickering.
 * @param {number} t position in node units
 * @param {...(string|number)} key
 */
export function valueNoise(t, ...key) {
  const i = Math.floor(t);
  const f = t - i;
  const a = hash01(...key, i);
  const b = hash01(...key, i + 1);
  const s = f * f * (3 - 2 * f);
  return a + (b - a) * s;
}
