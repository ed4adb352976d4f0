import {
  createStatusErrors,
  isAnsweredByTimeout,
  type StatusErrorsOptions,
  writeNodeResponse,
} from '@status-errors/core'
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express'
import { registerHandler } from './installation.js'
import { logServerError } from './log.js'
import { createMissingGuardCheck } from './missing-guard.js'
import { toRequestInfo } from './request-info.js'
import { createRouteMethodsReader } from './route-methods.js'

/** The unmatched-request handler and the error handler, in the order Express must run them. */
export type StatusErrorsHandlers = [unmatched: RequestHandler, error: ErrorRequestHandler]

/**
 * Answers unmatched requests (404, 405 + Allow, 501, OPTIONS 204 + Allow) and thrown errors with
 * the documented status table. Mount it once, after all routes: `app.use` flattens the pair.
 * Options are validated here, so a mistake throws at startup. Options that act before the routes
 * (timeouts, `maintenance`, `shed`, `produces`, `success`) also need `statusGuard(options)` first.
 *
 * @example
 * const app = express()
 * app.get('/users', listUsers)
 * app.use(statusErrors())
 */
export function statusErrors(options?: StatusErrorsOptions): StatusErrorsHandlers {
  const engine = createStatusErrors(options)
  const readRouteMethods = createRouteMethodsReader()
  const checkGuard = createMissingGuardCheck(engine)

  // Being a layer of the app's own stack, this runs before the router's automatic OPTIONS answer
  // and replaces it: core answers OPTIONS with 204 + Allow (RFC 9110 §9.3.7).
  function statusErrorsUnmatched(req: Request, res: Response, next: NextFunction): void {
    checkGuard?.(req.app)
    if (res.headersSent) {
      // A timeout answered and the slow route passed the request on afterwards: nothing to do.
      if (isAnsweredByTimeout(res)) return
      // A handler wrote part of a response and then passed it on: only Express can end it now.
      next()
      return
    }
    const request = toRequestInfo(req)
    const handled = engine.respondToUnmatched(request, readRouteMethods(req.app, request.path))
    writeNodeResponse(res, handled)
    engine.report(handled, request, logServerError, request)
  }

  // Express recognises an error handler by its four declared parameters (`length === 4`).
  function statusErrorsError(error: unknown, req: Request, res: Response, next: NextFunction): void {
    checkGuard?.(req.app)
    if (res.headersSent) {
      // The route failed after a timeout answered (often because its signal aborted): reported already.
      if (isAnsweredByTimeout(res)) return
      // The status line is gone; Express's final handler cuts the connection, so the client sees
      // a truncated response instead of a second one (as finalhandler does).
      next(error)
      return
    }
    const request = toRequestInfo(req)
    // A thrown 405 without Allow gets the path's methods; the walk runs only then.
    const handled = engine.respondToError(error, request, () => readRouteMethods(req.app, request.path))
    writeNodeResponse(res, handled)
    engine.report(handled, request, logServerError, request)
  }

  registerHandler(statusErrorsUnmatched, engine, 'errors')
  registerHandler(statusErrorsError, engine, 'errors')
  return [statusErrorsUnmatched, statusErrorsError]
}
