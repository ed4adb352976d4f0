import { inspect, types } from 'node:util'
import {
  type AdapterPort,
  type ErrorResponse,
  headerValue,
  writeErrorHeaders,
} from '@status-errors/core/adapter'
import type { Context } from 'koa'
import { rejectedByRouter, routeMethodsBeforeRouting, routeMethodsOf } from './routes.js'

/** Koa as core sees it: the context is Koa's `ctx`. */
export const koaPort: AdapterPort<Context> = {
  request: (ctx) => ({ method: ctx.method, path: ctx.path, accept: ctx.req.headers.accept }),
  nodeRequest: (ctx) => ctx.req,
  nodeResponse: (ctx) => ctx.res,
  headers: (ctx) => ctx.res,
  write: writeThroughKoa,
  // Koa would otherwise end the started response with its own text once the middleware returns.
  abandon: (ctx) => {
    ctx.respond = false
  },
  log: emitAppError,
  routeMethods: routeMethodsOf,
  routeMethodsBeforeRouting,
  rejectedByRouter,
}

/**
 * Writes core's answer through Koa, which sends it once the middleware chain returns (so Koa's own
 * `ctx.onerror` never runs, and headers set before the error — CORS, request ids — survive: Koa's
 * handler removes them all). The headers go first, while the response usually has none, so core
 * reads no names back; with a Content-Type set, Koa's body setter guesses none.
 */
function writeThroughKoa(ctx: Context, answer: ErrorResponse): void {
  // Koa's own error handler writes even when a handler had opted out of Koa's response.
  if (ctx.respond === false) ctx.respond = true
  ctx.status = answer.status
  writeErrorHeaders(ctx.res, answer)
  if (answer.status === 204) {
    // A 204 has no content and no Content-Length (RFC 9110 §15.3.5, §8.6): a null body makes Koa
    // drop its content headers and send none.
    ctx.body = null
    return
  }
  ctx.body = answer.body
  // Koa's body setter has just set a Content-Length of its own, spelt `Content-Length` on the
  // wire, and for HEAD's empty body 0: core's goes back, the same bytes as on every framework,
  // and for HEAD the GET length (RFC 9110 §9.3.2).
  const length = headerValue(answer.headers, 'content-length')
  if (length !== undefined) ctx.res.setHeader('content-length', length)
}

/**
 * The default log, as Koa does it: `app.emit('error', err, ctx)`. Koa's default listener throws a
 * TypeError for anything that is not an Error (`throw 'x'`), so such values are wrapped, the
 * original kept as `cause`. Never throws: the response is already written and a failing listener
 * must not replace it with Koa's text/plain 500.
 */
function emitAppError(ctx: Context, error: unknown): void {
  try {
    ctx.app.emit('error', asError(error), ctx)
  } catch (failure) {
    // Koa's default listener reads `status` and `expose`, which throw on hostile values.
    try {
      ctx.app.emit(
        'error',
        new Error('status-errors: an "error" listener threw while logging an error', { cause: failure }),
        ctx,
      )
    } catch {
      // The listener fails on plain Errors too: there is nowhere left to report to.
    }
  }
}

function asError(value: unknown): Error {
  if (types.isNativeError(value) || value instanceof Error) return value
  // `inspect` reads no getters and sees through proxies, so hostile values cannot throw here.
  const preview = inspect(value, { depth: 0, breakLength: Number.POSITIVE_INFINITY })
  return new Error(`non-error thrown: ${preview}`, { cause: value })
}
