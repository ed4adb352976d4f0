/**
 * How much of an Accept header is read. Browsers send about 150 bytes; a header of thousands of
 * media ranges or parameters is an attack on the parser, whose cost grows faster than the header.
 * Reading a bounded prefix keeps every negotiation cheap and its cost constant.
 */
export const ACCEPT_READ_LIMIT = 1024

/** Answers remembered per Accept header: every browser sends the same few. */
const CACHE_LIMIT = 256

/**
 * Wraps an Accept decision with a bounded cache and the read limit. `complete` is false when the
 * header was cut to its whole media ranges within `ACCEPT_READ_LIMIT`; such headers are not cached,
 * so attackers cannot fill memory with long keys.
 */
export function memoizeAcceptDecision<T>(
  decide: (accept: string, complete: boolean) => T,
): (accept: string) => T {
  const cache = new Map<string, T>()
  return (accept) => {
    if (accept.length > ACCEPT_READ_LIMIT) return decide(readablePrefix(accept), false)
    let known = cache.get(accept)
    if (known === undefined) {
      known = decide(accept, true)
      if (cache.size >= CACHE_LIMIT) cache.clear()
      cache.set(accept, known)
    }
    return known
  }
}

/** The media ranges that end within the read limit (RFC 9110 §12.5.1: `Accept = #( media-range … )`). */
function readablePrefix(accept: string): string {
  const lastComma = accept.lastIndexOf(',', ACCEPT_READ_LIMIT)
  return lastComma === -1 ? '' : accept.slice(0, lastComma)
}
