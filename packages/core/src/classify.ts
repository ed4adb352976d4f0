import { isProxy } from 'node:util/types'
import { UNSUPPORTED_CHARSET_TYPE } from './body-charset.js'
import { EMPTY_HEADERS, type ResponseHeaders, sanitizeErrorHeaders } from './headers.js'
import { HTTP_ERROR_BRAND, isHttpError } from './http-error.js'
import { readProperty, readString } from './read-property.js'
import { findInCauseChain } from './recognize/cause-chain.js'
import { csrfStatus } from './recognize/csrf.js'
import { databaseStatus } from './recognize/database.js'
import { axiosStatus, upstreamStatus } from './recognize/upstream.js'
import { type ErrorMapper, mappedStatus } from './recognize/user-mappers.js'
import type { Catalog } from './statuses/catalog.js'
import { reasonPhrase } from './statuses/reason-phrases.js'

/** What status-errors makes of a thrown value. */
export interface Classification {
  /** A status of the catalog (or, in passthrough mode, any 400-599 status the error carried). */
  readonly status: number
  /** Validated headers carried by the error (`WWW-Authenticate`, `Retry-After`, `Allow` …). */
  readonly headers: ResponseHeaders
  /** Client-facing text; present only when `expose` is true. */
  readonly detail: string | undefined
  readonly expose: boolean
}

export interface ClassifyOptions {
  readonly catalog: Catalog
  /**
   * `collapse` (default): a status missing from the catalog becomes 400 (other 4xx) or 500.
   * `passthrough`: any 400-599 status is kept.
   */
  readonly undocumented: 'collapse' | 'passthrough'
  /** The user's rules, tried before the built-in ones. */
  readonly map: readonly ErrorMapper[]
}

/** Fixed sentences for errors whose own message quotes the request (V8 JSON messages quote the body). */
export const PARSE_ERROR_DETAIL = {
  json: 'Malformed JSON in request body.',
  body: 'Malformed request body.',
  path: 'Malformed percent-encoding in request path.',
  /** Valid JSON refused on purpose: a `__proto__` or `constructor.prototype` key could poison objects. */
  prototype: 'The request body sets a forbidden prototype property.',
  encoding: 'The request body could not be decoded with its Content-Encoding.',
  tooLarge: 'The request body is larger than the server accepts.',
  charset: 'The request body declares a charset the server cannot read.',
} as const

/**
 * zlib's codes for input it cannot inflate: a request body whose gzip, deflate or br encoding is
 * corrupt, as body parsers (raw-body, inflation) pass them on, with or without a status.
 */
const CORRUPT_ENCODING_CODES = new Set([
  'Z_DATA_ERROR',
  'Z_BUF_ERROR',
  'Z_NEED_DICT',
  'ERR_BROTLI_INVALID_INPUT',
])

/** secure-json-parse's messages (Fastify, @koa/bodyparser) for a body it refuses on purpose. */
const FORBIDDEN_PROPERTY = /^Object contains forbidden (prototype|constructor) property/

/** What a recognised error says, before the status is fitted to the catalog. */
interface Reading {
  readonly status: number
  readonly headers: ResponseHeaders
  readonly detail: string | undefined
}

const INTERNAL: Reading = { status: 500, headers: EMPTY_HEADERS, detail: undefined }

/**
 * Classifies anything thrown. Never throws. Recognition order, first match wins:
 * 1. the user's `map` rules;
 * 2. `HttpError` (by brand) — its status, headers and, when exposed, its detail;
 * 3. @hapi/boom (`isBoom`) — `output.statusCode`, `output.headers`; message exposed below 500;
 * 4. axios errors — 502/504 by code, before the generic `status`, which axios fills with the
 *    upstream's status (an upstream 401 is not ours);
 * 5. body parse failures (body-parser, co-body, Fastify) — 400 with a fixed sentence, never the
 *    parser's message, which quotes the raw body: malformed JSON, a forbidden prototype property,
 *    a corrupt or unsupported Content-Encoding, an unsupported charset, a body over the size limit; Fastify schema validation — 400 with the
 *    validation message; `URIError` from percent-decoding — 400 with a fixed sentence;
 * 6. a numeric `status`, else a numeric `statusCode`, in 400-599 (http-errors, Koa `ctx.throw`,
 *    Fastify errors) — `status` wins, as in finalhandler and Koa; message exposed only if the
 *    error says `expose: true`;
 * 7. along the `cause` chain: upstream failures (502), upstream timeouts (504), open circuit
 *    breakers (503), database conflicts (409), missing rows (404), unreachable databases (503),
 *    csurf's bad token (403) — never with a detail;
 * 8. anything else — 500.
 */
export function classifyError(thrown: unknown, options: ClassifyOptions): Classification {
  const reading = readError(thrown, options.map)
  const status = fitToCatalog(reading.status, options)
  // A message that only repeats the title (http-errors' default message) adds nothing.
  const detail =
    reading.detail === (options.catalog.get(status)?.title ?? reasonPhrase(status))
      ? undefined
      : reading.detail
  return { status, headers: reading.headers, detail, expose: detail !== undefined }
}

function readError(thrown: unknown, map: readonly ErrorMapper[]): Reading {
  if (map.length > 0) {
    const mapped = mappedStatus(thrown, map)
    if (mapped !== undefined) return readStatusCarrier(thrown, mapped)
  }
  if (typeof thrown !== 'object' || thrown === null) return INTERNAL
  if (isBareError(thrown)) return INTERNAL
  if (isHttpError(thrown)) {
    const status = readProperty(thrown, 'status')
    if (!isErrorStatus(status)) return INTERNAL
    return {
      status,
      headers: sanitizeErrorHeaders(readProperty(thrown, 'headers')),
      detail: readProperty(thrown, 'expose') === true ? nonEmpty(readString(thrown, 'detail')) : undefined,
    }
  }
  if (readProperty(thrown, 'isBoom') === true) return readBoom(thrown)
  const axios = axiosStatus(thrown)
  if (axios !== undefined) return bare(axios)
  // Read once here: every error that gets this far is asked for them (a 500 too).
  const code = readString(thrown, 'code')
  const name = readString(thrown, 'name')
  const parseDetail = parseFailureDetail(thrown, code, name)
  if (parseDetail !== undefined) return { status: 400, headers: EMPTY_HEADERS, detail: parseDetail }
  if (code === 'FST_ERR_VALIDATION') {
    return { status: 400, headers: EMPTY_HEADERS, detail: nonEmpty(readString(thrown, 'message')) }
  }
  // Fastify's router reports a malformed path as FST_ERR_BAD_URL, quoting the path in its message.
  if (name === 'URIError' || code === 'FST_ERR_BAD_URL') {
    return { status: 400, headers: EMPTY_HEADERS, detail: PARSE_ERROR_DETAIL.path }
  }
  const status = readProperty(thrown, 'status')
  const carried = readStatusCarrier(
    thrown,
    isErrorStatus(status) ? status : readProperty(thrown, 'statusCode'),
  )
  if (carried !== INTERNAL) return carried
  return bare(findInCauseChain(thrown, recognizeKnownError) ?? 500)
}

/** Native error classes no rule below recognises by name (SyntaxError and URIError are parse failures). */
const BARE_ERROR_PROTOTYPES: ReadonlySet<unknown> = new Set([
  Error.prototype,
  TypeError.prototype,
  RangeError.prototype,
  ReferenceError.prototype,
])

/**
 * The keys the rules below read on a native error itself before they answer 500. A test records
 * the rules' reads of a bare error against this list, so a rule that starts reading another key
 * fails it until the key is added here.
 */
export const KEYS_THE_RULES_READ: readonly PropertyKey[] = Object.freeze([
  HTTP_ERROR_BRAND,
  'isBoom',
  'isAxiosError',
  'code',
  'name',
  'type',
  'status',
  'statusCode',
  'errno',
  'cause',
])

const hasOwnKey = Object.prototype.hasOwnProperty

/**
 * A native error whose own properties are none the rules read: a bug, a failed assertion, most
 * 500s, with only a message and a stack. No rule can match it, and telling so takes ten own-key
 * checks, about a third of what the fifteen reads of the rules cost, or of listing its own keys
 * (`Reflect.ownKeys` takes the runtime's slow path for an error). An error carrying a key the rules
 * read (enumerable or not: a `status`, a `code`, a `cause`), of a subclass or from another realm
 * takes the rules, and so does a proxy, whose traps may answer reads its keys do not list. What a
 * bare error inherits is not read: a `status` or `code` planted on `Error.prototype` or
 * `Object.prototype` (prototype pollution) does not make every bug a 4xx.
 */
function isBareError(thrown: object): boolean {
  // The prototype first: most errors that are not bare (HttpError, http-errors' classes) leave
  // here without the runtime call of `isProxy`. A proxy's `getPrototypeOf` trap may throw.
  let prototype: unknown
  try {
    prototype = Object.getPrototypeOf(thrown)
  } catch {
    return false
  }
  // Without a proxy, none of the calls below can run user code or throw.
  if (!BARE_ERROR_PROTOTYPES.has(prototype) || isProxy(thrown)) return false
  for (let i = 0; i < KEYS_THE_RULES_READ.length; i++) {
    if (hasOwnKey.call(thrown, KEYS_THE_RULES_READ[i] as PropertyKey)) return false
  }
  return true
}

function recognizeKnownError(error: object): number | undefined {
  return upstreamStatus(error) ?? databaseStatus(error) ?? csrfStatus(error)
}

/** A status without headers or detail: what errors from drivers and clients get. */
function bare(status: number): Reading {
  return status === 500 ? INTERNAL : { status, headers: EMPTY_HEADERS, detail: undefined }
}

/** http-errors protocol: `status`, `expose`, `message`, `headers`. */
function readStatusCarrier(error: unknown, status: unknown): Reading {
  if (!isErrorStatus(status)) return INTERNAL
  const exposed = readProperty(error, 'expose') === true
  return {
    status,
    headers: sanitizeErrorHeaders(readProperty(error, 'headers')),
    detail: exposed ? nonEmpty(readString(error, 'message')) : undefined,
  }
}

function readBoom(error: object): Reading {
  const output = readProperty(error, 'output')
  const status = readProperty(output, 'statusCode')
  if (!isErrorStatus(status)) return INTERNAL
  return {
    status,
    headers: sanitizeErrorHeaders(readProperty(output, 'headers')),
    // Boom marks 5xx as server errors and hides their message itself; we do the same.
    detail: status < 500 ? nonEmpty(readString(error, 'message')) : undefined,
  }
}

function parseFailureDetail(
  error: object,
  code: string | undefined,
  name: string | undefined,
): string | undefined {
  const type = readString(error, 'type')
  const isSyntaxError = name === 'SyntaxError'
  if (code !== undefined && CORRUPT_ENCODING_CODES.has(code)) return PARSE_ERROR_DETAIL.encoding
  // body-parser's 415s quote the client's charset or Content-Encoding; the documented answer is 400.
  if (type === UNSUPPORTED_CHARSET_TYPE) return PARSE_ERROR_DETAIL.charset
  if (type === 'encoding.unsupported') return PARSE_ERROR_DETAIL.encoding
  if (type === 'entity.too.large' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') return PARSE_ERROR_DETAIL.tooLarge
  if (isSyntaxError && FORBIDDEN_PROPERTY.test(readString(error, 'message') ?? '')) {
    return PARSE_ERROR_DETAIL.prototype
  }
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY') return PARSE_ERROR_DETAIL.json
  if (type === 'entity.parse.failed') return isSyntaxError ? PARSE_ERROR_DETAIL.json : PARSE_ERROR_DETAIL.body
  // co-body and Fastify 4 put status 400 on the SyntaxError of JSON.parse.
  if (isSyntaxError && (readProperty(error, 'status') === 400 || readProperty(error, 'statusCode') === 400)) {
    return PARSE_ERROR_DETAIL.json
  }
  return undefined
}

function fitToCatalog(status: number, options: ClassifyOptions): number {
  if (options.catalog.has(status) || options.undocumented === 'passthrough') return status
  return status < 500 ? 400 : 500
}

function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text
}
