import type { HeaderTarget } from '../headers.js'

/**
 * Headers that describe content, removed when a response becomes a 204: it has no content, so
 * nothing may describe any (RFC 9110 §15.3.5, §8.6, and RFC 9112 §6.1 for Transfer-Encoding).
 */
export const NO_CONTENT_HEADERS = Object.freeze(['content-type', 'content-length', 'transfer-encoding'])

/**
 * Whether a route's response body is empty: nothing (`undefined`, `null`, a callback in the place
 * of a chunk as in `res.end(cb)`), `''`, or zero bytes (`Buffer`, any `Uint8Array`). The one rule
 * every framework's success rewrite uses.
 */
export function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || typeof body === 'function') return true
  if (typeof body === 'string') return body === ''
  return body instanceof Uint8Array && body.byteLength === 0
}

/** Removes the content headers a 204 cannot carry. */
export function dropContentHeaders(target: HeaderTarget): void {
  for (const name of NO_CONTENT_HEADERS) {
    if (target.getHeader(name) !== undefined) target.removeHeader(name)
  }
}
