import { isValidHeaderValue } from './headers.js'
import { HttpError } from './http-error.js'
import { isValidChallenge } from './options.js'

/** Options of the helpers: the detail is shown to the client (4xx), like `httpError`'s. */
export interface HelperOptions {
  readonly cause?: unknown
}

/**
 * 401 Unauthorized with its challenge(s): RFC 9110 §15.5.2 requires `WWW-Authenticate`, one
 * header line per challenge (§11.6.1). Throws a TypeError for an empty challenge or one Node would refuse as a header value.
 *
 * @example
 * throw unauthorized('Bearer realm="api", error="invalid_token"', 'The token has expired.')
 */
export function unauthorized(
  challenge: string | readonly string[],
  detail?: string,
  options?: HelperOptions,
): HttpError {
  expectChallenge('unauthorized', challenge)
  return new HttpError(401, detail, { ...options, headers: { 'WWW-Authenticate': challenge } })
}

/**
 * 407 Proxy Authentication Required with its `Proxy-Authenticate` challenge(s) (RFC 9110 §15.5.8).
 * Meant for proxies; an origin server rarely has a reason to send it.
 *
 * @example
 * throw proxyAuthenticationRequired('Basic realm="corporate proxy"')
 */
export function proxyAuthenticationRequired(
  challenge: string | readonly string[],
  detail?: string,
  options?: HelperOptions,
): HttpError {
  expectChallenge('proxyAuthenticationRequired', challenge)
  return new HttpError(407, detail, { ...options, headers: { 'Proxy-Authenticate': challenge } })
}

/**
 * 403 Forbidden: the client is known and not allowed (RFC 9110 §15.5.4).
 *
 * @example
 * throw forbidden('Only the owner can delete this invoice.')
 */
export function forbidden(detail?: string, options?: HelperOptions): HttpError {
  return new HttpError(403, detail, options)
}

/**
 * 501 Not Implemented for a route that exists but is not built yet (RFC 9110 §15.6.2). The detail
 * is shown: it is meant for the client ("Exports arrive in version 2.").
 *
 * @example
 * app.post('/exports', () => { throw notImplemented('Exports arrive in version 2.') })
 */
export function notImplemented(detail?: string, options?: HelperOptions): HttpError {
  return new HttpError(501, detail, { ...options, expose: detail !== undefined })
}

function expectChallenge(helper: string, challenge: unknown): void {
  if (!isValidChallenge(challenge)) {
    throw new TypeError(
      `status-errors: ${helper}() needs a non-empty challenge of visible ASCII or Latin-1 characters, spaces or tabs`,
    )
  }
}

/** RFC 3986 §2: a URI is visible ASCII; anything else is percent-encoded. */
const URI_REFERENCE = /^[\u0021-\u007e]+$/

/** A `Location` value for 201/202 answers: a URI reference (RFC 9110 §10.2.2, RFC 3986 §4.1), so ASCII. */
export function expectLocation(location: string): void {
  if (typeof location !== 'string' || !URI_REFERENCE.test(location) || !isValidHeaderValue(location)) {
    throw new TypeError(
      'status-errors: a Location must be a non-empty URI reference on one line, non-ASCII characters percent-encoded',
    )
  }
}
