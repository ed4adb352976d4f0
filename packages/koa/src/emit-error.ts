import { inspect, types } from 'node:util'
import type { Context } from 'koa'

/**
 * The default log of 5xx responses, as Koa does it: `app.emit('error', err, ctx)`. Koa's default
 * listener throws a TypeError for anything that is not an Error (`throw 'x'`), so such values are
 * wrapped, the original kept as `cause`. Never throws: the response is already written and a
 * failing listener must not replace it with Koa's text/plain 500.
 */
export function emitAppError(error: unknown, ctx: Context): void {
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
  return new Error(`non-error thrown: ${preview(value)}`, { cause: value })
}

/** `inspect` reads no getters and sees through proxies, so hostile values cannot throw here. */
function preview(value: unknown): string {
  return inspect(value, { depth: 0, breakLength: Number.POSITIVE_INFINITY })
}
