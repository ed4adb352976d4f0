/** Express adapter. */

/** Re-exported from core, so applications import one package. */
export type { ErrorInfo, StatusErrorsOptions } from '@status-errors/core'
export { HttpError, httpError, isHttpError } from '@status-errors/core'
export type { StatusErrorsHandlers } from './status-errors.js'
export { statusErrors } from './status-errors.js'
