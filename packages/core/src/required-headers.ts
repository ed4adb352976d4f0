import { EMPTY_HEADERS, type ResponseHeaders } from './headers.js'
import type { ResolvedOptions } from './options.js'

/**
 * Headers a status cannot go without, sent unless the error or an earlier middleware set them:
 * - 401 → `WWW-Authenticate` (RFC 9110 §15.5.2: MUST send at least one challenge);
 * - 407 → `Proxy-Authenticate` (RFC 9110 §15.5.8: MUST send at least one challenge);
 * - 503 → `Retry-After` (RFC 9110 §10.2.3: tells clients when to come back).
 * 405 gets `Allow` from the router (see `respondToError`), as RFC 9110 §15.5.6 requires.
 */
export function createRequiredHeaders(
  options: Pick<ResolvedOptions, 'challenge' | 'proxyChallenge' | 'retryAfter'>,
): (status: number) => ResponseHeaders {
  const required = new Map<number, ResponseHeaders>([
    [401, [['www-authenticate', options.challenge]]],
    [407, [['proxy-authenticate', options.proxyChallenge]]],
    [503, [['retry-after', String(options.retryAfter)]]],
  ])
  return (status) => required.get(status) ?? EMPTY_HEADERS
}
