/**
 * For adapters only: the engine, the request lifecycle they drive through a port, and the pieces a
 * port needs to write a response. Applications import `@status-errors/core`.
 */

export { CATCH_ALL_PROBE_PATH } from './catch-all-probe.js'
export type { Classification, ClassifyOptions } from './classify.js'
export { classifyError } from './classify.js'
export { misplacedInstall, unreadableRoutes, warnMisuse } from './errors.js'
export { writeNodeResponse } from './guard/node-response.js'
export type { HeaderTarget, ResponseHeaders } from './headers.js'
export { CONTENT_HEADERS, headerValue, STATUS_HEADERS, writeErrorHeaders } from './headers.js'
export { abandonResponse } from './lifecycle/abandon.js'
export { readAcceptedLocation } from './lifecycle/accepted-options.js'
export type { Lifecycle, RouteOutcome } from './lifecycle/lifecycle.js'
export { createLifecycle } from './lifecycle/lifecycle.js'
export { isEmptyBody, NO_CONTENT_HEADERS } from './lifecycle/no-content.js'
export type { AdapterPort } from './lifecycle/port.js'
export { negotiateFormat } from './negotiate.js'
export { completeOpenApi } from './openapi/complete.js'
export type { LiveRoute } from './openapi/live-routes.js'
export type { ResolvedOptions } from './options.js'
export type { ErrorResponse } from './render/response.js'
export type { Answer, AnswerReason, RequestInfo, StatusErrors } from './status-errors.js'
export { createStatusErrors } from './status-errors.js'
export type { RouteMethods } from './unmatched.js'
