import type { RequestInfo } from '@status-errors/core'
import type { Context } from 'koa'

/** The request facts core needs. `ctx.path` has no query string. */
export function requestInfoOf(ctx: Context): RequestInfo {
  return { method: ctx.method, path: ctx.path, accept: ctx.req.headers.accept }
}
