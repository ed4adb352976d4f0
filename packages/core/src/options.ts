import { invalidOption } from './errors.js'
import { type GuardOptions, type ResolvedGuardOptions, resolveGuardOptions } from './guard/guard-options.js'
import { isValidHeaderValue } from './headers.js'
import type { ErrorMapper } from './recognize/user-mappers.js'
import { type Catalog, createCatalog, type StatusDefinition } from './statuses/catalog.js'

/** What `onError` learns about the error response it is called for. */
export interface ErrorInfo {
  readonly status: number
  /**
   * Why the answer exists: `thrown` (a route's error), `timeout`, `unmatched` (404/405/501),
   * `refused` (503 maintenance or shedding, 406 for `produces`).
   */
  readonly reason: 'thrown' | 'timeout' | 'unmatched' | 'refused'
  readonly method: string
  readonly path: string
}

/** The options every adapter takes, with the same names and meaning on Express, Koa and Fastify. */
export interface StatusErrorsOptions extends GuardOptions {
  /** Adds rows to the status table or rewords documented ones, e.g. `{ 429: { description: '…' } }`. */
  readonly statuses?: Readonly<Record<number, StatusDefinition>>
  /**
   * What to do with an error status the table does not list (413, 415, 422 …).
   * `'collapse'` (default) answers 400 for 4xx and 500 for 5xx, so the API never answers with an
   * undocumented code; `'passthrough'` keeps any 400-599 status.
   */
  readonly undocumented?: 'collapse' | 'passthrough'
  /** Adds the stack trace to bodies. Default `false`; `NODE_ENV` changes nothing. */
  readonly debug?: boolean
  /** `false` answers 404 instead of 405 (and instead of the OPTIONS answer), hiding which methods exist. Default `true`. */
  readonly methodNotAllowed?: boolean
  /** RFC 9457 `type` URI for a status in `application/problem+json` bodies. Default `about:blank`. */
  readonly problemType?: (status: number) => string
  /** Called once per error response; replaces the default logging of 5xx responses. */
  readonly onError?: (error: unknown, info: ErrorInfo) => void
  /**
   * Rules tried before the built-in ones: `[ErrorClass, status]` pairs, or functions returning a
   * status (or `undefined` to pass).
   */
  readonly map?: readonly ErrorMapper[]
  /** `Retry-After` in seconds for every 503 that carries none (RFC 9110 §10.2.3). Default 30. */
  readonly retryAfter?: number
  /**
   * The `WWW-Authenticate` challenge(s) for a 401 that carries none: RFC 9110 §15.5.2 requires one.
   * Default `Basic realm="api", charset="UTF-8"` (the documented 401 asks for a username and password).
   */
  readonly challenge?: string | readonly string[]
  /** The `Proxy-Authenticate` challenge(s) for a 407 that carries none (RFC 9110 §15.5.8). Default `Basic realm="proxy"`. */
  readonly proxyChallenge?: string | readonly string[]
}

export interface ResolvedOptions extends ResolvedGuardOptions {
  readonly catalog: Catalog
  readonly undocumented: 'collapse' | 'passthrough'
  readonly debug: boolean
  readonly methodNotAllowed: boolean
  readonly problemType: (status: number) => string
  readonly onError: ((error: unknown, info: ErrorInfo) => void) | undefined
  readonly map: readonly ErrorMapper[]
  readonly retryAfter: number
  readonly challenge: string | readonly string[]
  readonly proxyChallenge: string | readonly string[]
}

const KNOWN_OPTIONS = new Set([
  'statuses',
  'undocumented',
  'debug',
  'methodNotAllowed',
  'problemType',
  'onError',
  'map',
  'retryAfter',
  'challenge',
  'proxyChallenge',
  'success',
  'produces',
  'timeout',
  'maintenance',
  'shed',
])

const aboutBlank = (): string => 'about:blank'

/** Validates options once, at startup; a mistake throws `StatusErrorsConfigError`. */
export function resolveOptions(options: StatusErrorsOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw invalidOption('options must be an object')
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw invalidOption(`unknown option "${key}"`)
  }
  const {
    statuses,
    undocumented = 'collapse',
    debug = false,
    methodNotAllowed = true,
    problemType,
    onError,
    map = [],
    retryAfter = 30,
    challenge = 'Basic realm="api", charset="UTF-8"',
    proxyChallenge = 'Basic realm="proxy"',
  } = options
  if (statuses !== undefined && (typeof statuses !== 'object' || statuses === null)) {
    throw invalidOption('"statuses" must be an object keyed by status code')
  }
  if (undocumented !== 'collapse' && undocumented !== 'passthrough') {
    throw invalidOption('"undocumented" must be "collapse" or "passthrough"')
  }
  expectBoolean('debug', debug)
  expectBoolean('methodNotAllowed', methodNotAllowed)
  expectOptionalFunction('problemType', problemType)
  expectOptionalFunction('onError', onError)
  expectMappers(map)
  expectDelaySeconds('retryAfter', retryAfter)
  expectChallenge('challenge', challenge)
  expectChallenge('proxyChallenge', proxyChallenge)
  return {
    ...resolveGuardOptions(options),
    catalog: createCatalog(statuses),
    undocumented,
    debug,
    methodNotAllowed,
    problemType: problemType ?? aboutBlank,
    onError,
    map,
    retryAfter,
    challenge,
    proxyChallenge,
  }
}

function expectBoolean(name: string, value: unknown): void {
  if (typeof value !== 'boolean') throw invalidOption(`"${name}" must be a boolean`)
}

function expectOptionalFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw invalidOption(`"${name}" must be a function`)
}

function expectMappers(map: unknown): void {
  if (!Array.isArray(map))
    throw invalidOption('"map" must be an array of [ErrorClass, status] pairs or functions')
  for (const rule of map) {
    if (typeof rule === 'function') continue
    const valid =
      Array.isArray(rule) && rule.length === 2 && typeof rule[0] === 'function' && isErrorStatus(rule[1])
    if (!valid)
      throw invalidOption('each "map" rule must be a function or an [ErrorClass, 400-599 status] pair')
  }
}

/** RFC 9110 §10.2.3: delay-seconds = 1*DIGIT, a non-negative integer. */
function expectDelaySeconds(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidOption(`"${name}" must be a non-negative integer number of seconds`)
  }
}

/** A challenge is sent as a header line: non-empty and valid by Node's rules (RFC 9110 §5.5, §11.6.1). */
export function isValidChallenge(value: unknown): value is string | readonly string[] {
  const list = typeof value === 'string' ? [value] : value
  return (
    Array.isArray(list) &&
    list.length > 0 &&
    list.every((item) => typeof item === 'string' && item.trim() !== '' && isValidHeaderValue(item))
  )
}

function expectChallenge(name: string, value: unknown): void {
  if (!isValidChallenge(value)) {
    throw invalidOption(
      `"${name}" must be a non-empty challenge (or list of them) of at most 4096 visible ASCII or Latin-1 characters, spaces or tabs`,
    )
  }
}

function isErrorStatus(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599
}
