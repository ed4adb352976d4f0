import { createStatusErrors, type StatusErrors, type StatusErrorsOptions } from '@status-errors/core'
import type { Context, Middleware } from 'koa'
import { emitAppError } from './emit-error.js'
import { requestInfoOf } from './request-info.js'
import { routeMethodsOf } from './route-methods.js'
import { isRoutingRejection } from './routing-rejection.js'
import { writeErrorResponse } from './write-response.js'

/**
 * Koa middleware that answers every error and every unmatched request with the documented status
 * and body: 404, 405 with `Allow`, 501, 204 with `Allow` for OPTIONS, and the thrown error's status.
 * Mount it first, before any router, so it sees everything downstream. Options are checked here,
 * at startup.
 *
 * @example
 * const app = new Koa()
 * app.use(statusErrors())
 * app.use(router.routes())
 */
export function statusErrors(options?: StatusErrorsOptions): Middleware {
  const engine = createStatusErrors(options)
  return async function statusErrorsMiddleware(ctx, next) {
    try {
      await next()
    } catch (thrown) {
      answerError(engine, ctx, thrown)
      return
    }
    if (isUnanswered(ctx)) answerUnmatched(engine, ctx)
  }
}

/**
 * Koa's own "nothing answered" state: the initial 404 with no body. A response the app sends
 * itself (`ctx.respond = false`, or headers already out) is not ours to touch.
 */
function isUnanswered(ctx: Context): boolean {
  return ctx.status === 404 && ctx.body == null && ctx.respond !== false && !ctx.headerSent && ctx.writable
}

function answerUnmatched(engine: StatusErrors, ctx: Context): void {
  const request = requestInfoOf(ctx)
  const handled = engine.respondToUnmatched(request, routeMethodsOf(ctx))
  writeErrorResponse(ctx, handled)
  engine.report(handled, request, emitAppError, ctx)
}

/**
 * Answered here, Koa's `ctx.onerror` never runs, so the headers set before the error (CORS,
 * request ids, Retry-After) survive: Koa's handler removes them all.
 */
function answerError(engine: StatusErrors, ctx: Context, thrown: unknown): void {
  if (ctx.headerSent || !ctx.writable) {
    abandonResponse(ctx)
    // Koa's rule for a response already started: emit the error, write nothing.
    throw thrown
  }
  const request = requestInfoOf(ctx)
  let handled = engine.respondToError(thrown, request)
  if (isRoutingRejection(ctx, handled)) handled = engine.respondToUnmatched(request, routeMethodsOf(ctx))
  // Koa's own error handler writes even when a handler had opted out of Koa's response.
  if (ctx.respond === false) ctx.respond = true
  writeErrorResponse(ctx, handled)
  engine.report(handled, request, emitAppError, ctx)
}

/**
 * Headers are out, so an error body would be glued to a partial response. Closing the connection
 * is the only signal left that the response is incomplete (RFC 9112 §8); a response that was
 * already ended is left to flush.
 */
function abandonResponse(ctx: Context): void {
  if (!ctx.res.writableEnded) ctx.res.destroy()
}
