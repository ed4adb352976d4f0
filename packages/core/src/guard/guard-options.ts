import { invalidOption } from '../errors.js'

export interface TimeoutOptions {
  /** Milliseconds for the request body to arrive in full; then 408 + `Connection: close` (RFC 9110 §15.5.9). */
  readonly body?: number
  /** Milliseconds for a route to start its response; then `handlerStatus`. */
  readonly handler?: number
  /** 503 (default: the server is overloaded) or 504 (the route waits on an upstream). */
  readonly handlerStatus?: 503 | 504
}

/** Options that act before or around the route (on Express, through `statusErrors(options).guard`). */
export interface GuardOptions {
  /**
   * `'documented'`: a POST that ends with the default 200 answers 201, a DELETE that ends with the
   * default 200 and no body answers 204; a status set explicitly always wins. Default `'as-is'`.
   */
  readonly success?: 'documented' | 'as-is'
  /** Media types the API can produce; a request whose Accept admits none gets 406 before the route. */
  readonly produces?: readonly string[]
  readonly timeout?: TimeoutOptions
  /** `true`, or a function asked per request: answer 503 with Retry-After before the route. */
  readonly maintenance?: boolean | (() => boolean)
  /** Answer 503 with Retry-After before the route while more than `maxInFlight` requests are running. */
  readonly shed?: { readonly maxInFlight: number }
}

export interface ResolvedGuardOptions {
  readonly success: 'documented' | 'as-is'
  readonly produces: readonly string[] | undefined
  readonly bodyTimeout: number | undefined
  readonly handlerTimeout: number | undefined
  readonly handlerTimeoutStatus: 503 | 504
  readonly maintenance: (() => boolean) | undefined
  readonly maxInFlight: number | undefined
  /** Whether a request is checked before its route: `maintenance`, `shed` or `produces`. */
  readonly admits: boolean
  /** Whether timers start before the route: `timeout.body` or `timeout.handler`. */
  readonly timed: boolean
  /**
   * The options given that act before or around the route, by name (`timeout`, `maintenance`,
   * `shed`, `produces`, `success`): empty when status-errors only answers errors and unmatched requests.
   */
  readonly earlyOptions: readonly string[]
}

// RFC 9110 §8.3.1: media-type = type "/" subtype, both tokens.
const MEDIA_TYPE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\/[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// setTimeout cannot wait longer than this.
const MAX_TIMER_MS = 2_147_483_647

export function resolveGuardOptions(options: GuardOptions): ResolvedGuardOptions {
  const { success = 'as-is', produces, timeout = {}, maintenance, shed } = options
  if (success !== 'documented' && success !== 'as-is')
    throw invalidOption('"success" must be "documented" or "as-is"')
  if (produces !== undefined) expectMediaTypes(produces)
  if (typeof timeout !== 'object' || timeout === null) throw invalidOption('"timeout" must be an object')
  const { body, handler, handlerStatus = 503 } = timeout
  expectOptionalMilliseconds('timeout.body', body)
  expectOptionalMilliseconds('timeout.handler', handler)
  if (handlerStatus !== 503 && handlerStatus !== 504)
    throw invalidOption('"timeout.handlerStatus" must be 503 or 504')
  if (maintenance !== undefined && typeof maintenance !== 'boolean' && typeof maintenance !== 'function') {
    throw invalidOption('"maintenance" must be a boolean or a function')
  }
  const maxInFlight = shed === undefined ? undefined : expectMaxInFlight(shed)
  const maintenanceCheck =
    typeof maintenance === 'function' ? maintenance : maintenance === true ? always : undefined
  const timed = body !== undefined || handler !== undefined
  const earlyOptions = [
    ...(timed ? ['timeout'] : []),
    ...(maintenanceCheck !== undefined ? ['maintenance'] : []),
    ...(maxInFlight !== undefined ? ['shed'] : []),
    ...(produces !== undefined ? ['produces'] : []),
    ...(success === 'documented' ? ['success'] : []),
  ]
  return {
    success,
    produces,
    bodyTimeout: body,
    handlerTimeout: handler,
    handlerTimeoutStatus: handlerStatus,
    maintenance: maintenanceCheck,
    maxInFlight,
    admits: maintenanceCheck !== undefined || maxInFlight !== undefined || produces !== undefined,
    timed,
    earlyOptions,
  }
}

const always = (): boolean => true

function expectMediaTypes(produces: unknown): void {
  const valid =
    Array.isArray(produces) &&
    produces.length > 0 &&
    produces.every((type) => typeof type === 'string' && MEDIA_TYPE.test(type))
  if (!valid)
    throw invalidOption('"produces" must be a non-empty list of media types such as "application/json"')
}

function expectOptionalMilliseconds(name: string, value: unknown): void {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw invalidOption(`"${name}" must be a positive integer number of milliseconds`)
  }
}

function expectMaxInFlight(shed: unknown): number {
  const max =
    typeof shed === 'object' && shed !== null ? (shed as { maxInFlight?: unknown }).maxInFlight : undefined
  if (typeof max !== 'number' || !Number.isSafeInteger(max) || max < 1) {
    throw invalidOption('"shed.maxInFlight" must be a positive integer')
  }
  return max
}
