/** Fastify plugin. */

/** Re-exported from core, so users import one package. */
export type { ErrorInfo, StatusErrorsOptions } from '@status-errors/core'
export { HttpError, httpError, isHttpError } from '@status-errors/core'
export { statusErrors } from './plugin.js'
