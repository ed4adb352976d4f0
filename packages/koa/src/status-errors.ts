import { createStatusErrors, type StatusErrors, type StatusErrorsOptions } from '@status-errors/core'
import type { Middleware } from 'koa'
import { answerError, answeredMalformedPath, answerUnmatched, isUnanswered } from './answers.js'
import { guardedMiddleware } from './guarded-middleware.js'
import { markInstalled } from './installed-engine.js'

/**
 * Koa middleware that answers every error and every unmatched request with the documented status
 * and body: 404, 405 with `Allow`, 501, 204 with `Allow` for OPTIONS, 400 for a malformed path, and
 * the thrown error's status. With the guard options (`produces`, `maintenance`, `shed`, `timeout`,
 * `success`) it also acts before and after the routes. Mount it first, before any router, so it
 * sees everything downstream. Options are checked here, at startup.
 *
 * @example
 * const app = new Koa()
 * app.use(statusErrors({ timeout: { handler: 5000 } }))
 * app.use(router.routes())
 */
export function statusErrors(options?: StatusErrorsOptions): Middleware {
  const engine = createStatusErrors(options)
  // Without guard options requests pay for nothing new: no timers, closures or wrapped setters.
  const middleware = engine.needsGuard ? guardedMiddleware(engine) : plainMiddleware(engine)
  markInstalled(middleware, engine)
  return middleware
}

function plainMiddleware(engine: StatusErrors): Middleware {
  return async function statusErrorsMiddleware(ctx, next) {
    if (answeredMalformedPath(engine, ctx)) return
    try {
      await next()
    } catch (thrown) {
      answerError(engine, ctx, thrown)
      return
    }
    if (isUnanswered(ctx)) answerUnmatched(engine, ctx)
  }
}
