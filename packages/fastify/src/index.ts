/** Fastify plugin: `statusErrors`, `frameworkErrors`, `accepted()`, and the errors and helpers applications use. */

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
export { frameworkErrors } from './framework-errors.js'
export { openApi } from './openapi.js'
export { statusErrors } from './plugin.js'
