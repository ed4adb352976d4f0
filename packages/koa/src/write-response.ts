import { type ErrorResponse, writeErrorHeaders } from '@status-errors/core'
import type { Context } from 'koa'

/**
 * Writes core's answer through Koa, which sends it once the middleware chain returns. The headers
 * go last: Koa's body setter sets a Content-Length of its own, and core's must win. For HEAD the
 * body is empty and core's Content-Length is the GET length (RFC 9110 §9.3.2).
 */
export function writeDocumentedResponse(ctx: Context, response: ErrorResponse): void {
  ctx.status = response.status
  if (response.status === 204) {
    // A 204 has no content and no Content-Length (RFC 9110 §15.3.5, §8.6): a null body makes Koa
    // drop its content headers and send none.
    ctx.body = null
  } else {
    // With a Content-Type already set, Koa's body setter skips guessing one from the string (a
    // MIME lookup per response).
    const contentType = response.headers.find(([name]) => name === 'content-type')?.[1]
    if (contentType !== undefined) ctx.res.setHeader('content-type', contentType)
    ctx.body = response.body
  }
  writeErrorHeaders(ctx.res, response)
}
