import type { HandledError } from '@status-errors/core'
import type { Context } from 'koa'

/**
 * Whether a thrown 405 or 501 is @koa/router's verdict on an unmatched request rather than a
 * route's own error. `router.allowedMethods({ throw: true })` throws `MethodNotAllowedError`
 * without an `Allow` header (RFC 9110 §15.5.6 requires one) and `NotImplementedError` from its own
 * method list. Core decides those from `ctx.matched` instead, so the answer is the same with or
 * without `allowedMethods()`. A route that matched (`ctx.routeMatched`) keeps its own error, and so
 * does a 405 that brings its own `Allow`.
 */
export function isRoutingRejection(ctx: Context, handled: HandledError): boolean {
  if (handled.status !== 405 && handled.status !== 501) return false
  if (Reflect.get(ctx, 'routeMatched') === true || !Array.isArray(Reflect.get(ctx, 'matched'))) return false
  return handled.status === 501 || !handled.headers.some(([name]) => name === 'allow')
}
