/** Express adapter: the middleware, `accepted()`, and the errors and helpers applications use. */

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
export { type StatusErrorsHandlers, statusErrors } from './middleware.js'
export { openApi } from './openapi.js'
