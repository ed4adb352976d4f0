import type { StatusErrors } from '@status-errors/core'
import type { Context } from 'koa'
import { hasExplicitStatus } from './explicit-status.js'

/**
 * `success: 'documented'`, applied when the route is done and before Koa writes: a POST that kept
 * the default 200 answers 201, a DELETE that kept it with no content answers 204 (core decides).
 * Koa strips Content-Type and Content-Length from a 204 when it responds (RFC 9110 §15.3.5).
 */
export function applyDocumentedSuccess(engine: StatusErrors, ctx: Context): void {
  const status = ctx.status
  const documented = engine.successStatus({
    method: ctx.method,
    status,
    explicit: hasExplicitStatus(ctx.response),
    hasBody: hasContent(ctx.body),
  })
  if (documented === status) return
  ctx.status = documented
  if (documented === 204) ctx.body = null
}

/** `ctx.body = ''` (or an empty Buffer) is a 200 with zero bytes of content: no body. */
function hasContent(body: unknown): boolean {
  if (body === null || body === undefined || body === '') return false
  return !(Buffer.isBuffer(body) && body.length === 0)
}
