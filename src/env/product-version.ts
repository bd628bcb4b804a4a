import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * This package's version (package.json), read once. Client and server exchange it when they
 * connect, and an auto-started server of another version is replaced.
 */
export function productVersion(): string {
  if (cached === undefined) {
    try {
      cached = String(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
    } catch {
      cached = 'unknown';
    }
  }
  return cached;
}
