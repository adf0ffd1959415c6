// Seeded randomness for the demo data: the same seed gives the same data in Node and browsers,
// so tests, stories and screenshots can name rows by id.

/** 32-bit integer hash (murmur3's finalizer): spreads nearby seeds far apart. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashString(text: string, seed: number): number {
  let h = mix32(seed ^ 0x9e3779b9);
  for (let i = 0; i < text.length; i++) h = mix32(h ^ text.charCodeAt(i)) + i;
  return h >>> 0;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  shuffle<T>(items: readonly T[]): T[];
}

/** sfc32: small, fast, and good enough for fake data; seeded through the hash above. */
export function createRandom(seed: number, stream = ''): Random {
  let a = hashString(`${stream}:a`, seed);
  let b = hashString(`${stream}:b`, seed);
  let c = hashString(`${stream}:c`, seed);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (probability) => next() < probability,
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
  return random;
}

/**
 * A UUID that depends only on (seed, kind, index), formatted as version 4 so it passes any
 * UUID validation. Independent of generation order, so adding rows never renumbers others.
 */
export function seededUuid(seed: number, kind: string, index: number): string {
  let hex = '';
  for (let part = 0; part < 4; part++) {
    hex += hashString(`${kind}#${index}#${part}`, seed).toString(16).padStart(8, '0');
  }
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
