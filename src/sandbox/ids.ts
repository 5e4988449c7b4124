// Ids in the API's format: 24-hex MongoDB ObjectIds (seconds since 1970, then random bytes and a
// counter), so ids made later sort after ids made earlier, as the real ones do.
import { createHash, randomBytes } from 'node:crypto';

const processPart = randomBytes(5).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

export function newObjectId(nowMs: number): string {
  counter = (counter + 1) % 0xffffff;
  const seconds = Math.floor(nowMs / 1000).toString(16).padStart(8, '0').slice(-8);
  return seconds + processPart + counter.toString(16).padStart(6, '0');
}

/** A random secret-looking token (hex). */
export const randomToken = (bytes = 16) => randomBytes(bytes).toString('hex');

/** A stable ObjectId derived from a string, for things the sandbox has no record of (an API key's id). */
export const objectIdFor = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);
