/** Express adapter. */

/** Re-exported from core, so applications import one package. */
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
export type { StatusErrorsHandlers } from './status-errors.js'
export { statusErrors } from './status-errors.js'
export { statusGuard } from './status-guard.js'
