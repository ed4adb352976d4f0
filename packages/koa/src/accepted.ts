import type { Context } from 'koa'
import { installedEngine } from './installed-engine.js'
import { requestInfoOf } from './request-info.js'
import { writeDocumentedResponse } from './write-response.js'

export interface AcceptedOptions {
  /** Where the client can follow the work (RFC 9110 §15.3.3); a URI reference on one line. */
  readonly location?: string
}

/**
 * Answers 202 Accepted for work that continues in the background, with the documented body and an
 * optional `Location`. Uses the options of the app's `statusErrors()` (found in `app.middleware`),
 * or the defaults when the app has none. Throws a TypeError for a bad context or Location.
 *
 * @example
 * router.post('/exports', (ctx) => {
 *   const job = queue.add(ctx.request.body)
 *   accepted(ctx, { location: `/exports/${job.id}` })
 * })
 */
export function accepted(ctx: Context, options?: AcceptedOptions): void {
  if (!isContext(ctx)) throw new TypeError('status-errors: accepted(ctx) needs the Koa context')
  const location = locationOf(options)
  const response = installedEngine(ctx.app).respondToAccepted(requestInfoOf(ctx), location)
  writeDocumentedResponse(ctx, response)
}

function isContext(value: unknown): value is Context {
  if (typeof value !== 'object' || value === null) return false
  const res: unknown = Reflect.get(value, 'res')
  return typeof res === 'object' && res !== null && typeof Reflect.get(value, 'response') === 'object'
}

function locationOf(options: unknown): string | undefined {
  if (options === undefined) return undefined
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      'status-errors: accepted(ctx, options) takes an object such as { location: "/jobs/42" }',
    )
  }
  const location: unknown = Reflect.get(options, 'location')
  if (location === undefined || typeof location === 'string') return location
  throw new TypeError('status-errors: accepted() needs "location" to be a string')
}
