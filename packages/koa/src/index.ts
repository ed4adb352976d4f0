/** Middleware. */

/** Errors and options, re-exported from core so that one package is enough. */
export type { ErrorInfo, StatusErrorsOptions } from '@status-errors/core'
export { HttpError, httpError, isHttpError } from '@status-errors/core'
export { statusErrors } from './status-errors.js'
