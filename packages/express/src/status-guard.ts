import { createStatusErrors, type StatusErrorsOptions, writeNodeResponse } from '@status-errors/core'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { createSuccessWatcher } from './documented-success.js'
import { registerHandler } from './installation.js'
import { logServerError } from './log.js'
import { toRequestInfo } from './request-info.js'

declare global {
  // Express's request type is open to extension through this global namespace.
  namespace Express {
    interface Request {
      /**
       * Set by `statusGuard` when `timeout.handler` is configured: aborts when the handler timeout
       * answers (reason: a `TimeoutError` DOMException) or when the client goes away. Pass it to
       * `fetch`, database drivers … so their work stops too.
       */
      timeoutSignal?: AbortSignal
    }
  }
}

/**
 * The part of status-errors that acts before the routes: 503 for `maintenance` and `shed`, 406 for
 * `produces`, the `timeout.body` (408) and `timeout.handler` (503/504) timers, and
 * `success: 'documented'`. Mount it first, with the same options as `statusErrors`, which stays last.
 * With none of these options it only calls `next()`.
 *
 * @example
 * const options = { timeout: { handler: 5_000 }, shed: { maxInFlight: 500 } }
 * app.use(statusGuard(options))
 * app.get('/report', async (req, res) => res.json(await build({ signal: req.timeoutSignal })))
 * app.use(statusErrors(options))
 */
export function statusGuard(options?: StatusErrorsOptions): RequestHandler {
  const engine = createStatusErrors(options)
  if (!engine.needsGuard) {
    const passThrough: RequestHandler = (_req, _res, next) => next()
    registerHandler(passThrough, engine, 'guard')
    return passThrough
  }
  const { bodyTimeout, handlerTimeout } = engine.options
  const timeoutsOn = bodyTimeout !== undefined || handlerTimeout !== undefined
  const watchSuccess = engine.options.success === 'documented' ? createSuccessWatcher(engine) : undefined

  function statusGuardMiddleware(req: Request, res: Response, next: NextFunction): void {
    const request = toRequestInfo(req)
    const refusal = engine.admit(request, res)
    if (refusal !== undefined) {
      writeNodeResponse(res, refusal)
      engine.report(refusal, request, logServerError, request)
      return
    }
    if (timeoutsOn) {
      const signal = engine.watchTimeouts(req, res, request, (handled) => {
        engine.report(handled, request, logServerError, request)
      })
      if (signal !== undefined) req.timeoutSignal = signal
    }
    watchSuccess?.(res, req.method)
    next()
  }

  registerHandler(statusGuardMiddleware, engine, 'guard')
  return statusGuardMiddleware
}
