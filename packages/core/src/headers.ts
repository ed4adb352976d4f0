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

/**
 * Headers that speak for the statuses they come with, and those statuses. An error answer replaces
 * the status, so one of these left on the response (by an earlier answer whose sending failed in a
 * hook, or by a route that set it and then threw) stays only when the answer's status is one it
 * speaks for:
 * - `Allow`: a 405 (RFC 9110 §15.5.6);
 * - `WWW-Authenticate`: a 401 (§15.5.2), and the 400 and 403 of a bearer token's
 *   `invalid_request` and `insufficient_scope` challenges (RFC 6750 §3.1);
 * - `Proxy-Authenticate`: a 407 (§15.5.8);
 * - `Retry-After`: a 503 (§10.2.3), a 413 (§15.5.14), a 429 (RFC 6585 §4), and, by convention, a
 *   202 whose status monitor is to be polled;
 * - `Location`: by convention, the 202 of `accepted()`, pointing at its status monitor (§15.3.3).
 *
 * The 2xx entries matter only to the 202, the one success status-errors writes with these headers.
 */
const STATUS_HEADER_STATUSES: ReadonlyMap<string, ReadonlySet<number>> = new Map([
  ['allow', new Set([405])],
  ['www-authenticate', new Set([400, 401, 403])],
  ['proxy-authenticate', new Set([407])],
  ['retry-after', new Set([202, 413, 429, 503])],
  ['location', new Set([202])],
])

/** The names of `STATUS_HEADER_STATUSES`, lower-case. */
export const STATUS_HEADERS: readonly string[] = Object.freeze([...STATUS_HEADER_STATUSES.keys()])

/** The part of a response that `writeErrorHeaders` needs; Node's `ServerResponse` has it. */
export interface HeaderTarget {
  /** The lower-case names of every header set so far, as Node's `getHeaderNames()` gives them. */
  getHeaderNames(): readonly string[]
  getHeader(name: string): unknown
  setHeader(name: string, value: string | readonly string[]): unknown
  removeHeader(name: string): unknown
}

/** The headers of an error response, as `writeErrorHeaders` applies them. */
export interface ErrorResponseHeaders {
  /** The answer's status: it decides which status headers already set may stay. */
  readonly status: number
  readonly headers: ResponseHeaders
  /** Set only when the response does not have them yet (a `Retry-After` set upstream wins). */
  readonly defaultHeaders: ResponseHeaders
}

/**
 * Replaces the failed handler's content headers, and the status headers that do not speak for the
 * answer's status (see `STATUS_HEADER_STATUSES`), by the error response's headers. `Vary` is
 * merged, so a `Vary: Origin` from a CORS middleware stays (RFC 9110 §12.5.5). Default headers fill
 * gaps only: a 503's `Retry-After` or a 401's `WWW-Authenticate` set earlier in the chain is kept.
 */
export function writeErrorHeaders(target: HeaderTarget, response: ErrorResponseHeaders): void {
  // The names set so far are read once: usually there are none, so an error costs no removals and
  // no reads of single headers. One the answer sets anyway (its Content-Type, Content-Length, its
  // Allow) is replaced, not removed first.
  const { status, headers, defaultHeaders } = response
  const present = target.getHeaderNames()
  for (let i = 0; i < present.length; i++) {
    const name = present[i] as string
    const stale = CONTENT_HEADER_SET.has(name) || STATUS_HEADER_STATUSES.get(name)?.has(status) === false
    if (stale && headerValue(headers, name) === undefined) target.removeHeader(name)
  }
  // Indexed loops and indexed reads of each pair: this runs for every error answer, and V8's
  // optimised code destructured the pairs through the array iterator, a builtin call per element
  // (two per header, about 1 % of a Fastify 404).
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i] as ResponseHeaders[number]
    const name = header[0]
    const value = header[1]
    const merged =
      name === 'vary' && present.includes(name) ? mergeVary(target.getHeader(name), value) : value
    target.setHeader(name, merged)
  }
  for (let i = 0; i < defaultHeaders.length; i++) {
    const header = defaultHeaders[i] as ResponseHeaders[number]
    const name = header[0]
    const value = header[1]
    if (!present.includes(name) && headerValue(headers, name) === undefined) target.setHeader(name, value)
  }
}

/**
 * The value of one header of an answer's list (`name` lower-case, as the list's names are), or
 * `undefined` when the list does not set it.
 *
 * @example
 * const contentType = headerValue(answer.headers, 'content-type')
 */
export function headerValue(headers: ResponseHeaders, name: string): string | readonly string[] | undefined {
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i] as ResponseHeaders[number]
    if (header[0] === name) return header[1]
  }
  return undefined
}

function mergeVary(existing: unknown, added: string | readonly string[]): string | readonly string[] {
  // `setHeader('vary', ['Origin'])` keeps a list; its lines are one field value (RFC 9110 §5.3).
  const current = Array.isArray(existing) ? existing.join(', ') : existing
  if (typeof current !== 'string' || current === '') return added
  const present = current.toLowerCase().split(/\s*,\s*/)
  if (present.includes('*')) return current
  const missing = (typeof added === 'string' ? [added] : added).filter(
    (v) => !present.includes(v.toLowerCase()),
  )
  return missing.length === 0 ? current : `${current}, ${missing.join(', ')}`
}

// RFC 9110 §5.6.2: field-name = token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// RFC 9110 §5.5: field-value = field-vchar (VCHAR or obs-text, 0x80-0xFF), SP and HTAB. The same
// rule as Node's `http.validateHeaderValue`, so a value that passes here never throws in `setHeader`.
const FIELD_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/

/**
 * The longest header value status-errors sends (option, helper or error-carried). Node reads at
 * most 16 KiB of response head by default (`--max-http-header-size`), undici too: a longer head is
 * a failed response (`HPE_HEADER_OVERFLOW`), not a header.
 */
export const MAX_HEADER_VALUE_LENGTH = 4096

/** The most an error may add to a response head, over all its headers (names and values). */
export const MAX_ERROR_HEADERS_LENGTH = 8192

/**
 * Headers an error may not set: the content headers (status-errors writes the body), the headers
 * that protect it (`Content-Security-Policy` keeps an HTML page inert, `X-Content-Type-Options`,
 * `Vary`, `Cache-Control`), and the connection's own (RFC 9110 §7.6.1), which would change the
 * framing of the exchange.
 */
const RESERVED_ERROR_HEADERS = new Set([
  ...CONTENT_HEADERS,
  'x-content-type-options',
  'content-security-policy',
  'vary',
  'cache-control',
  'connection',
  'keep-alive',
  'upgrade',
  'trailer',
  'te',
  'proxy-connection',
])

export function isValidHeaderName(name: string): boolean {
  return TOKEN.test(name)
}

/** A value Node's `setHeader` accepts, no longer than `MAX_HEADER_VALUE_LENGTH`. */
export function isValidHeaderValue(value: string): boolean {
  return value.length <= MAX_HEADER_VALUE_LENGTH && FIELD_VALUE.test(value)
}

/**
 * The headers an error carries (http-errors `headers`, Boom `output.headers`), kept only when they
 * are safe to send. Headers are a plain object, a fetch `Headers`, or a list of `[name, value]`
 * pairs; anything else (an array of values, a class instance, a string) carries none. A name must
 * be a token and not one status-errors owns; a value a string, a finite number or a non-empty list
 * of strings, each valid by Node's rules. Lists are copied once before they are checked, so what
 * was checked is what is sent. Headers past `MAX_ERROR_HEADERS_LENGTH` in all are dropped. Never
 * throws: the input may be any value, including Proxies and objects with throwing getters.
 */
export function sanitizeErrorHeaders(raw: unknown): ResponseHeaders {
  try {
    const entries = headerEntries(raw)
    // Most errors carry none: http-errors and HttpError default to an empty object.
    if (entries === undefined || entries.length === 0) return EMPTY_HEADERS
    const result: (readonly [string, string | readonly string[]])[] = []
    let budget = MAX_ERROR_HEADERS_LENGTH
    for (const entry of entries) {
      const [name, value] = entry
      if (typeof name !== 'string' || !isValidHeaderName(name)) continue
      const lower = name.toLowerCase()
      if (RESERVED_ERROR_HEADERS.has(lower)) continue
      const clean = sanitizeValue(value)
      if (clean === undefined) continue
      budget -= lower.length + (typeof clean === 'string' ? clean.length : clean.join('').length)
      if (budget < 0) break
      addHeader(result, lower, clean)
    }
    return result.length === 0 ? EMPTY_HEADERS : result
  } catch {
    return EMPTY_HEADERS
  }
}

/**
 * Adds a header, or its lines to those of the same name already kept: a `Headers` object or a
 * list of pairs gives repeated fields (two `Set-Cookie`) one entry each, and each would replace
 * the last when set.
 */
function addHeader(
  result: (readonly [string, string | readonly string[]])[],
  name: string,
  value: string | readonly string[],
): void {
  const index = result.findIndex(([existing]) => existing === name)
  const previous = result[index]
  if (previous === undefined) {
    result.push([name, value])
    return
  }
  result[index] = [name, [...toLines(previous[1]), ...toLines(value)]]
}

function toLines(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value
}

/** The `[name, value]` pairs of the headers shapes an error may use, or `undefined` for any other value. */
function headerEntries(raw: unknown): readonly (readonly [unknown, unknown])[] | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  // The usual shape first: a plain object (http-errors' and HttpError's default `{}`). An array
  // whose prototype was taken away (or a proxy of one) is still read as pairs, below.
  const prototype: unknown = Object.getPrototypeOf(raw)
  if ((prototype === Object.prototype || prototype === null) && !Array.isArray(raw)) {
    return hasOwnEnumerable(raw) ? Object.entries(raw) : NO_ENTRIES
  }
  if (typeof Headers === 'function' && raw instanceof Headers) return [...raw.entries()]
  if (Array.isArray(raw)) {
    const pairs = Array.from(raw as readonly unknown[])
    return pairs.every((pair) => Array.isArray(pair) && pair.length === 2)
      ? pairs.map((pair) => [(pair as unknown[])[0], (pair as unknown[])[1]] as const)
      : undefined
  }
  return undefined
}

const NO_ENTRIES: readonly (readonly [unknown, unknown])[] = Object.freeze([])

/**
 * Whether a plain object has an own enumerable key. The usual headers object is an empty `{}`,
 * whose answer this gives without building an array (`Object.keys`, `Object.entries`).
 */
function hasOwnEnumerable(raw: object): boolean {
  for (const key in raw) {
    if (Object.hasOwn(raw, key)) return true
  }
  return false
}

function sanitizeValue(value: unknown): string | readonly string[] | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined
  if (typeof value === 'string') return isValidHeaderValue(value) ? value : undefined
  if (!Array.isArray(value)) return undefined
  // One copy, then only the copy is read: a Proxy cannot answer differently at write time.
  const items: unknown[] = Array.from(value as readonly unknown[])
  if (items.length === 0 || items.length > 32) return undefined
  return items.every((item) => typeof item === 'string' && isValidHeaderValue(item))
    ? (items as string[])
    : undefined
}

export const EMPTY_HEADERS: ResponseHeaders = Object.freeze([])
