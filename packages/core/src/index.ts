/**
 * What applications use: errors and helpers, `StatusErrorsConfigError`, the option types, the
 * status table and its documentation page, and the types of the adapters' `openApi()`. Adapters
 * reach the engine and the request lifecycle through `@status-errors/core/adapter`. (Exports are
 * kept in the import sorter's order, by file, so no section comment can drift from its lines.)
 */

export { PARSE_ERROR_DETAIL } from './classify.js'
export { toStatusDefinitions } from './docs-table/definitions.js'
export { DocsTableError } from './docs-table/docs-table-error.js'
export { readStatusTable } from './docs-table/read.js'
export { renderStatusTable } from './docs-table/render.js'
export type { StatusTableFormat, StatusTablePage, StatusTableRow } from './docs-table/rows.js'
export type { StatusErrorsConfigCode } from './errors.js'
export { StatusErrorsConfigError } from './errors.js'
export type { GuardOptions, TimeoutOptions } from './guard/guard-options.js'
export type { HelperOptions } from './helpers.js'
export { forbidden, notImplemented, proxyAuthenticationRequired, unauthorized } from './helpers.js'
export type { HttpErrorOptions } from './http-error.js'
export { HttpError, httpError, isHttpError } from './http-error.js'
export type { AcceptedOptions } from './lifecycle/accepted-options.js'
export type { CompletedOpenApi, OpenApiDrift } from './openapi/complete.js'
export type { OpenApiDocument } from './openapi/document.js'
export type { ErrorInfo, StatusErrorsOptions } from './options.js'
export type { ErrorMapper } from './recognize/user-mappers.js'
export type { Catalog, StatusDefinition, StatusEntry } from './statuses/catalog.js'
export { createCatalog } from './statuses/catalog.js'
export type { DocumentedStatus } from './statuses/documented.js'
export { DOCUMENTED_STATUSES } from './statuses/documented.js'
