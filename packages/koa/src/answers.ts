import type { HandledError, RequestInfo, StatusErrors } from '@status-errors/core'
import type { Context } from 'koa'
import { emitAppError } from './emit-error.js'
import { malformedPathError } from './malformed-path.js'
import { requestInfoOf } from './request-info.js'
import { routeMethodsOf } from './route-methods.js'
import { isRoutingRejection } from './routing-rejection.js'
import { writeDocumentedResponse } from './write-response.js'

/**
 * Koa's own "nothing answered" state: the initial 404 with no body. A response the app sends
 * itself (`ctx.respond = false`, or headers already out) is not ours to touch.
 */
export function isUnanswered(ctx: Context): boolean {
  return ctx.status === 404 && ctx.body == null && isStillKoas(ctx)
}

/** Whether Koa will still write this response: not bypassed (`ctx.respond = false`) nor started. */
export function isStillKoas(ctx: Context): boolean {
  return ctx.respond !== false && !ctx.headerSent && ctx.writable
}

/** Answers 400 for a path with malformed percent-encoding; `false` when the path is fine. */
export function answeredMalformedPath(engine: StatusErrors, ctx: Context): boolean {
  const malformed = malformedPathError(ctx)
  if (malformed === undefined) return false
  answerError(engine, ctx, malformed)
  return true
}

export function answerUnmatched(engine: StatusErrors, ctx: Context): void {
  const request = requestInfoOf(ctx)
  writeAnswer(engine, ctx, engine.respondToUnmatched(request, routeMethodsOf(ctx)), request)
}

/**
 * Answered here, Koa's `ctx.onerror` never runs, so the headers set before the error (CORS,
 * request ids, Retry-After) survive: Koa's handler removes them all.
 */
export function answerError(engine: StatusErrors, ctx: Context, thrown: unknown): void {
  if (ctx.headerSent || !ctx.writable) {
    abandonResponse(ctx)
    // Koa's rule for a response already started: emit the error, write nothing.
    throw thrown
  }
  const request = requestInfoOf(ctx)
  // A thrown 405 without `Allow` gets the methods of the path (RFC 9110 §15.5.6), asked only then.
  let handled = engine.respondToError(thrown, request, () => routeMethodsOf(ctx))
  if (isRoutingRejection(ctx, handled)) handled = engine.respondToUnmatched(request, routeMethodsOf(ctx))
  // Koa's own error handler writes even when a handler had opted out of Koa's response.
  if (ctx.respond === false) ctx.respond = true
  writeAnswer(engine, ctx, handled, request)
}

/** Writes an answer through Koa and logs it once (`onError`, or the app's 'error' event for 5xx). */
export function writeAnswer(
  engine: StatusErrors,
  ctx: Context,
  handled: HandledError,
  request: RequestInfo,
): void {
  writeDocumentedResponse(ctx, handled)
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
