import type { StatusErrorsOptions } from '@status-errors/core'
import { createLifecycle, createStatusErrors, type Lifecycle, warnMisuse } from '@status-errors/core/adapter'
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express'
import { registerInstallation } from './accepted.js'
import { createPlacementCheck, missingGuard, onNextServedRequest } from './placement.js'
import { createExpressPort } from './port.js'
import { watchSuccess } from './success.js'

declare global {
  // Express's request type is open to extension through this global namespace.
  namespace Express {
    interface Request {
      /**
       * Set by the guard when `timeout.handler` is configured: aborts when the handler timeout
       * answers (reason: a `TimeoutError` DOMException) or when the client goes away. Pass it to
       * `fetch`, database drivers … so their work stops too.
       */
      timeoutSignal?: AbortSignal
    }
  }
}

/**
 * One installation: the unmatched-request handler and the error handler, in the order Express runs
 * them (`app.use` flattens the pair), and `guard`, the part that acts before the routes.
 */
export type StatusErrorsHandlers = [unmatched: RequestHandler, error: ErrorRequestHandler] & {
  /**
   * Mount before the routes when using `timeout`, `maintenance`, `shed`, `produces` or `success`:
   * it shares the installation's engine, so its answers cannot drift from the handlers'.
   */
  readonly guard: RequestHandler
}

/**
 * Answers unmatched requests (404, 405 + Allow, 501, OPTIONS 204 + Allow) and thrown errors with
 * the documented status table. Mount it once, after all routes. Options are validated here, so a
 * mistake throws at startup. Options that act before the routes also need `errors.guard` mounted
 * before them; without it, a warning names the fix.
 *
 * @example
 * const app = express()
 * app.get('/users', listUsers)
 * app.use(statusErrors())
 *
 * @example
 * const errors = statusErrors({ timeout: { handler: 5_000 } })
 * app.use(errors.guard)
 * app.get('/report', async (req, res) => res.json(await build({ signal: req.timeoutSignal })))
 * app.use(errors)
 */
export function statusErrors(options?: StatusErrorsOptions): StatusErrorsHandlers {
  const lifecycle = createLifecycle(createStatusErrors(options), createExpressPort())
  const { earlyOptions } = lifecycle.engine.options
  const guard = createGuard(lifecycle)

  // Being a layer of the app's own stack, this runs before the router's automatic OPTIONS answer
  // and replaces it: core answers OPTIONS with 204 + Allow (RFC 9110 §9.3.7).
  function statusErrorsUnmatched(req: Request, res: Response, next: NextFunction): void {
    if (isBeforeRoutes(req.app)) {
      next()
      return
    }
    lifecycle.answerUnmatched(res)
  }

  // Express recognises an error handler by its four declared parameters (`length === 4`).
  function statusErrorsError(error: unknown, req: Request, res: Response, _next: NextFunction): void {
    isBeforeRoutes(req.app)
    lifecycle.answerError(res, error)
  }

  let guardWarned = false
  const warnMissingGuard = () => {
    if (guardWarned) return
    guardWarned = true
    warnMisuse(missingGuard(earlyOptions))
  }
  const isBeforeRoutes = createPlacementCheck({
    guard,
    unmatched: statusErrorsUnmatched,
    earlyOptions,
    warnMissingGuard,
  })
  let guardTaken = false
  const handlers = Object.defineProperty([statusErrorsUnmatched, statusErrorsError], 'guard', {
    enumerable: false,
    get: () => {
      guardTaken = true
      return guard
    },
  }) as StatusErrorsHandlers
  if (earlyOptions.length > 0) {
    onNextServedRequest(() => {
      if (!guardTaken) warnMissingGuard()
    })
  }
  registerInstallation([statusErrorsUnmatched, statusErrorsError, guard], lifecycle)
  return handlers
}

/**
 * Admission (503, 406), the timers and the documented success status, before the route. With none
 * of those options it only calls `next()`.
 */
function createGuard(lifecycle: Lifecycle<Response>): RequestHandler {
  if (!lifecycle.actsBeforeRoute && !lifecycle.rewritesSuccess) {
    return function statusErrorsGuard(_req, _res, next) {
      next()
    }
  }
  return function statusErrorsGuard(req, res, next) {
    if (!lifecycle.admit(res)) return
    const signal = lifecycle.startTimers(res)
    if (signal !== undefined) req.timeoutSignal = signal
    if (lifecycle.rewritesSuccess) watchSuccess(lifecycle, res, req.method)
    next()
  }
}
