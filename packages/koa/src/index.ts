/** Middleware and helpers. */

/** Errors, helpers and options, re-exported from core so that one package is enough. */
export type {
  ErrorInfo,
  ErrorMapper,
  GuardOptions,
  StatusErrorsOptions,
  TimeoutOptions,
} from '@status-errors/core'
export {
  forbidden,
  HttpError,
  httpError,
  isHttpError,
  notImplemented,
  proxyAuthenticationRequired,
  unauthorized,
} from '@status-errors/core'
export type { AcceptedOptions } from './accepted.js'
export { accepted } from './accepted.js'
export { statusErrors } from './status-errors.js'

/**
 * `ctx.timeoutSignal`, set by `statusErrors({ timeout: { handler } })` before the routes run. It
 * aborts when the handler timeout has answered (reason: a `TimeoutError` DOMException) or when the
 * client goes away before the response is finished (an `AbortError`). Pass it to `fetch`, database
 * drivers and the like, so slow work stops with the request. `undefined` without a handler timeout.
 */
declare module 'koa' {
  interface DefaultContext {
    timeoutSignal?: AbortSignal | undefined
  }
}
