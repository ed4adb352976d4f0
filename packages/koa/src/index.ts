/** Koa adapter: the middleware, `accepted()`, and the errors and helpers applications use. */

export type {
  AcceptedOptions,
  CompletedOpenApi,
  ErrorInfo,
  ErrorMapper,
  GuardOptions,
  HelperOptions,
  HttpErrorOptions,
  OpenApiDocument,
  OpenApiDrift,
  StatusErrorsConfigCode,
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
  StatusErrorsConfigError,
  unauthorized,
} from '@status-errors/core'
export { accepted } from './accepted.js'
export { statusErrors } from './middleware.js'
export { openApi } from './openapi.js'

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
