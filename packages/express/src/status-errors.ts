import { createStatusErrors, type RequestInfo, type StatusErrorsOptions } from '@status-errors/core'
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express'
import { toRequestInfo } from './request-info.js'
import { createRouteMethodsReader } from './route-methods.js'
import { writeResponse } from './write-response.js'

/** The unmatched-request handler and the error handler, in the order Express must run them. */
export type StatusErrorsHandlers = [unmatched: RequestHandler, error: ErrorRequestHandler]

/**
 * Answers unmatched requests (404, 405 + Allow, 501, OPTIONS 204 + Allow) and thrown errors with
 * the documented status table. Mount it once, after all routes: `app.use` flattens the pair.
 * Options are validated here, so a mistake throws at startup.
 *
 * @example
 * const app = express()
 * app.get('/users', listUsers)
 * app.use(statusErrors())
 */
export function statusErrors(options?: StatusErrorsOptions): StatusErrorsHandlers {
  const engine = createStatusErrors(options)
  const readRouteMethods = createRouteMethodsReader()

  // Being a layer of the app's own stack, this runs before the router's automatic OPTIONS answer
  // and replaces it: core answers OPTIONS with 204 + Allow (RFC 9110 §9.3.7).
  function statusErrorsUnmatched(req: Request, res: Response, next: NextFunction): void {
    // A handler wrote part of a response and then passed it on: only Express can end it now.
    if (res.headersSent) {
      next()
      return
    }
    const request = toRequestInfo(req)
    const handled = engine.respondToUnmatched(request, readRouteMethods(req.app, request.path))
    writeResponse(res, handled)
    engine.report(handled, request, logServerError, request)
  }

  // Express recognises an error handler by its four declared parameters (`length === 4`).
  function statusErrorsError(error: unknown, req: Request, res: Response, next: NextFunction): void {
    // The status line is gone; Express's final handler cuts the connection, so the client sees
    // a truncated response instead of a second one (as finalhandler does).
    if (res.headersSent) {
      next(error)
      return
    }
    const request = toRequestInfo(req)
    const handled = engine.respondToError(error, request)
    writeResponse(res, handled)
    engine.report(handled, request, logServerError, request)
  }

  return [statusErrorsUnmatched, statusErrorsError]
}

/** Default logging when no `onError` is given: core calls it for 5xx answers only. */
function logServerError(error: unknown, request: RequestInfo): void {
  console.error(`status-errors: ${request.method} ${request.path} failed:`, error)
}
