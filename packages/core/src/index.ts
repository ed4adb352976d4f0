/** Engine used by the adapters. */

export { CATCH_ALL_PROBE_PATH } from './catch-all-probe.js'
export type { Classification, ClassifyOptions } from './classify.js'
/** Classification, negotiation, rendering. */
export { classifyError, PARSE_ERROR_DETAIL } from './classify.js'
export type { StatusErrorsConfigCode } from './errors.js'
export { StatusErrorsConfigError } from './errors.js'
export type { ResponseLifecycle } from './guard/admission.js'
/** Before and around the route (timeouts, maintenance, shedding, produces, success). */
export type { GuardOptions, TimeoutOptions } from './guard/guard-options.js'
export { ignoreLateWrites, writeNodeResponse } from './guard/node-response.js'
export { isAnsweredByTimeout } from './guard/node-timeouts.js'
export type { SuccessExchange } from './guard/success-status.js'
export type { HeaderTarget, ResponseHeaders } from './headers.js'
/** Response headers. */
export { CONTENT_HEADERS, sanitizeErrorHeaders, writeErrorHeaders } from './headers.js'
export type { HelperOptions } from './helpers.js'
export { forbidden, notImplemented, proxyAuthenticationRequired, unauthorized } from './helpers.js'
export type { HttpErrorOptions } from './http-error.js'
/** Errors and helpers. */
export { HttpError, httpError, isHttpError } from './http-error.js'
export { negotiateFormat } from './negotiate.js'
export type { ErrorInfo, ResolvedOptions, StatusErrorsOptions } from './options.js'
export type { ErrorMapper } from './recognize/user-mappers.js'
export type { Format, FormatName } from './render/formats.js'
export { FORMATS } from './render/formats.js'
export type { ErrorResponse } from './render/response.js'
export type { HandledError, RequestInfo, StatusErrors } from './status-errors.js'
export { createStatusErrors } from './status-errors.js'
export type { Catalog, StatusDefinition, StatusEntry } from './statuses/catalog.js'
/** Status table. */
export { createCatalog } from './statuses/catalog.js'
export type { DocumentedStatus } from './statuses/documented.js'
export { DOCUMENTED_STATUSES } from './statuses/documented.js'
export { REASON_PHRASES, reasonPhrase } from './statuses/reason-phrases.js'
export type { RouteMethods, UnmatchedOutcome } from './unmatched.js'
/** Unmatched requests. */
export { decideUnmatched, formatAllow } from './unmatched.js'
