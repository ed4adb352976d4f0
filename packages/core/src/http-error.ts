import { reasonPhrase } from './statuses/reason-phrases.js'

/** Recognises our errors across duplicate installs and realms, where `instanceof` fails. */
export const HTTP_ERROR_BRAND = Symbol.for('@status-errors/core.http-error')

export interface HttpErrorOptions {
  /** Sent with the response after validation, e.g. `{ 'WWW-Authenticate': 'Bearer realm="api"' }`. */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>
  /** Whether the detail may reach the client. Default: `true` below 500, `false` from 500 up. */
  readonly expose?: boolean
  readonly cause?: unknown
}

/**
 * An error that carries its HTTP status. It speaks the http-errors protocol (`status`,
 * `statusCode`, `expose`, `headers`), so other middleware understands it too.
 *
 * @example
 * throw new HttpError(409, 'This email address is already registered.')
 */
export class HttpError extends Error {
  readonly status: number
  readonly expose: boolean
  readonly headers: Readonly<Record<string, string | readonly string[]>>
  /** The client-facing detail given at construction, if any. */
  readonly detail: string | undefined

  constructor(status: number, detail?: string, options: HttpErrorOptions = {}) {
    super(detail ?? reasonPhrase(status), options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'HttpError'
    this.status = status
    this.detail = detail
    this.expose = options.expose ?? status < 500
    this.headers = options.headers ?? {}
  }

  /** Same value as `status`, for code that reads the Fastify/Node spelling. */
  get statusCode(): number {
    return this.status
  }
}

Object.defineProperty(HttpError.prototype, HTTP_ERROR_BRAND, { value: true })

/**
 * Creates an `HttpError`.
 *
 * @example
 * next(httpError(404, 'No user with this id.'))
 */
export function httpError(status: number, detail?: string, options?: HttpErrorOptions): HttpError {
  return new HttpError(status, detail, options)
}

/** True for an `HttpError` from any copy of `@status-errors/core`. */
export function isHttpError(value: unknown): value is HttpError {
  if (typeof value !== 'object' || value === null) return false
  try {
    return (value as Record<symbol, unknown>)[HTTP_ERROR_BRAND] === true
  } catch {
    // A proxy or a throwing getter is not ours, and recognition must never throw.
    return false
  }
}
