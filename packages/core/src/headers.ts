/** Header fields of a response, lower-case names; an array value is sent as one field line each. */
export type ResponseHeaders = readonly (readonly [name: string, value: string | readonly string[]])[]

/**
 * Headers that describe the failed handler's content, removed before an error body is written
 * (the error body is different content). Everything else set earlier (CORS, security headers,
 * request ids) survives.
 */
export const CONTENT_HEADERS = Object.freeze([
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-range',
  'content-disposition',
  'content-location',
  'etag',
  'last-modified',
  'transfer-encoding',
])

const CONTENT_HEADER_SET: ReadonlySet<string> = new Set(CONTENT_HEADERS)

/** The part of a response that `writeErrorHeaders` needs; Node's `ServerResponse` has it. */
export interface HeaderTarget {
  /** The lower-case names of the headers set so far. */
  getHeaderNames(): readonly string[]
  getHeader(name: string): unknown
  setHeader(name: string, value: string | readonly string[]): unknown
  removeHeader(name: string): unknown
}

/** The headers of an error response, as `writeErrorHeaders` applies them. */
export interface ErrorResponseHeaders {
  readonly headers: ResponseHeaders
  /** Set only when the response does not have them yet (a `Retry-After` set upstream wins). */
  readonly defaultHeaders: ResponseHeaders
}

/**
 * Replaces the failed handler's content headers by the error response's headers. `Vary` is merged,
 * so a `Vary: Origin` from a CORS middleware stays (RFC 9110 §12.5.5). Default headers fill gaps
 * only: a `Retry-After` or `WWW-Authenticate` set earlier in the chain is kept.
 */
export function writeErrorHeaders(target: HeaderTarget, response: ErrorResponseHeaders): void {
  // Only the headers actually set are visited: usually none, so an error costs no removals.
  for (const name of target.getHeaderNames()) {
    if (CONTENT_HEADER_SET.has(name)) target.removeHeader(name)
  }
  for (const [name, value] of response.headers) {
    target.setHeader(name, name === 'vary' ? mergeVary(target.getHeader('vary'), value) : value)
  }
  for (const [name, value] of response.defaultHeaders) {
    if (target.getHeader(name) === undefined) target.setHeader(name, value)
  }
}

function mergeVary(existing: unknown, added: string | readonly string[]): string | readonly string[] {
  if (typeof existing !== 'string' || existing === '') return added
  const present = existing.toLowerCase().split(/\s*,\s*/)
  if (present.includes('*')) return existing
  const missing = (typeof added === 'string' ? [added] : added).filter(
    (v) => !present.includes(v.toLowerCase()),
  )
  return missing.length === 0 ? existing : `${existing}, ${missing.join(', ')}`
}

// RFC 9110 §5.1: field-name = token; §5.5: field values exclude CR, LF and NUL.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to reject these bytes
const FORBIDDEN_VALUE_BYTES = /[\u0000\r\n]/

/** Headers an error may not set: they describe the body, which status-errors writes itself. */
const RESERVED_ERROR_HEADERS = new Set([
  ...CONTENT_HEADERS,
  'x-content-type-options',
  'vary',
  'cache-control',
])

export function isValidHeaderName(name: string): boolean {
  return TOKEN.test(name)
}

export function isValidHeaderValue(value: string): boolean {
  return !FORBIDDEN_VALUE_BYTES.test(value)
}

/**
 * The headers an error carries (http-errors `headers`, Boom `output.headers`), kept only when the
 * name is a token, the value has no CR/LF/NUL and the header is not one status-errors owns.
 * Never throws: the input may be any value, including objects with throwing getters.
 */
export function sanitizeErrorHeaders(raw: unknown): ResponseHeaders {
  if (typeof raw !== 'object' || raw === null) return EMPTY_HEADERS
  const result: (readonly [string, string | readonly string[]])[] = []
  try {
    for (const [name, value] of Object.entries(raw)) {
      if (!isValidHeaderName(name)) continue
      const lower = name.toLowerCase()
      if (RESERVED_ERROR_HEADERS.has(lower)) continue
      const clean = sanitizeValue(value)
      if (clean !== undefined) result.push([lower, clean])
    }
  } catch {
    return EMPTY_HEADERS
  }
  return result.length === 0 ? EMPTY_HEADERS : result
}

function sanitizeValue(value: unknown): string | readonly string[] | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string') return isValidHeaderValue(value) ? value : undefined
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string' && isValidHeaderValue(v))
  ) {
    return value as string[]
  }
  return undefined
}

export const EMPTY_HEADERS: ResponseHeaders = Object.freeze([])
