import type { StatusErrorsOptions } from '@status-errors/core'
import { createLifecycle, createStatusErrors } from '@status-errors/core/adapter'
import type { Context, Middleware } from 'koa'
import { registerInstallation } from './accepted.js'
import { createPlacementCheck } from './placement.js'
import { koaPort } from './port.js'
import { applyDocumentedSuccess, trackExplicitStatus } from './success.js'

/**
 * Koa middleware that answers every error and every unmatched request with the documented status
 * and body: 404, 405 with `Allow`, 501, 204 with `Allow` for OPTIONS, 400 for a malformed path, and
 * the thrown error's status. With `produces`, `maintenance`, `shed`, `timeout` or `success` it also
 * acts before and after the routes. Mount it first, before any router, so it sees everything
 * downstream. Options are checked here, at startup.
 *
 * @example
 * const app = new Koa()
 * app.use(statusErrors({ timeout: { handler: 5000 } }))
 * app.use(router.routes())
 */
export function statusErrors(options?: StatusErrorsOptions): Middleware {
  const lifecycle = createLifecycle(createStatusErrors(options), koaPort)
  const checkPlacement = createPlacementCheck(statusErrorsMiddleware)
  const { actsBeforeRoute, rewritesSuccess } = lifecycle

  async function statusErrorsMiddleware(ctx: Context, next: () => Promise<unknown>): Promise<void> {
    checkPlacement(ctx.app)
    // @koa/router hands a malformed path to the route as it is, and co-body reads every body as
    // UTF-8 whatever its charset: such requests are answered before routing.
    if (lifecycle.rejectMalformedRequest(ctx)) return
    if (actsBeforeRoute) {
      if (!lifecycle.admit(ctx)) return
      const signal = lifecycle.startTimers(ctx)
      if (signal !== undefined) ctx.timeoutSignal = signal
    }
    // Without tracking (not Koa's response shape) no status is ever changed.
    const tracked = rewritesSuccess && trackExplicitStatus(ctx.response)
    try {
      await next()
    } catch (thrown) {
      lifecycle.answerError(ctx, thrown)
      return
    }
    if (isUnanswered(ctx)) lifecycle.answerUnmatched(ctx)
    else if (tracked && isStillKoas(ctx)) applyDocumentedSuccess(lifecycle, ctx)
  }

  registerInstallation(statusErrorsMiddleware, lifecycle)
  return statusErrorsMiddleware
}

/**
 * Koa's own "nothing answered" state: the initial 404 with no body. A response the app sends
 * itself (`ctx.respond = false`, or headers already out) is not ours to touch.
 */
function isUnanswered(ctx: Context): boolean {
  return ctx.status === 404 && ctx.body == null && isStillKoas(ctx)
}

/** Whether Koa will still write this response: not bypassed (`ctx.respond = false`) nor started. */
function isStillKoas(ctx: Context): boolean {
  return ctx.respond !== false && !ctx.headerSent && ctx.writable
}
