/** Fastify plugin. */

/** Re-exported from core, so users import one package. */
export type {
  ErrorInfo,
  ErrorMapper,
  GuardOptions,
  HelperOptions,
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
export { type AcceptedOptions, accepted } from './accepted.js'
export { frameworkErrors } from './framework-errors.js'
export { statusErrors } from './plugin.js'
