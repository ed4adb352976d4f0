/**
 * What applications use. Adapters reach the engine and the request lifecycle through
 * `@status-errors/core/adapter`.
 */

/** Fixed details for errors whose own message would quote the request. */
export { PARSE_ERROR_DETAIL } from './classify.js'
/** Errors and helpers. */
export type { StatusErrorsConfigCode } from './errors.js'
export { StatusErrorsConfigError } from './errors.js'
/** Options. */
export type { GuardOptions, TimeoutOptions } from './guard/guard-options.js'
export type { HelperOptions } from './helpers.js'
export { forbidden, notImplemented, proxyAuthenticationRequired, unauthorized } from './helpers.js'
export type { HttpErrorOptions } from './http-error.js'
export { HttpError, httpError, isHttpError } from './http-error.js'
export type { AcceptedOptions } from './lifecycle/accepted-options.js'
export type { ErrorInfo, StatusErrorsOptions } from './options.js'
export type { ErrorMapper } from './recognize/user-mappers.js'
/** The status table. */
export type { Catalog, StatusDefinition, StatusEntry } from './statuses/catalog.js'
export { createCatalog } from './statuses/catalog.js'
export type { DocumentedStatus } from './statuses/documented.js'
export { DOCUMENTED_STATUSES } from './statuses/documented.js'
