import { createStatusErrors, type StatusErrors, writeNodeResponse } from '@status-errors/core'
import type { Response } from 'express'
import { findEngine } from './installation.js'
import { toRequestInfo } from './request-info.js'

export interface AcceptedOptions {
  /** Where the client can follow the work (RFC 9110 §15.3.3); a URI reference on one line. */
  readonly location?: string
}

/** Engines found per app, so only an app's first `accepted()` walks its stack. */
const engineByApp = new WeakMap<object, StatusErrors>()
let defaultEngine: StatusErrors | undefined

/**
 * Answers 202 Accepted for work that continues in the background (RFC 9110 §15.3.3), with the
 * documented body, negotiated like error bodies, and an optional `Location`. It uses the options of
 * the app's `statusGuard`/`statusErrors` (found in the app or the app it is mounted in); without
 * them, the defaults. Throws a TypeError for an invalid `location`. Writes nothing when the response
 * has already started (a timeout answered, for instance).
 *
 * @example
 * app.post('/exports', (req, res) => {
 *   const job = queue.add(req.body)
 *   accepted(res, { location: `/exports/${job.id}` })
 * })
 */
export function accepted(res: Response, options?: AcceptedOptions): void {
  const location = readLocation(options)
  const response = engineFor(res.app).respondToAccepted(toRequestInfo(res.req), location)
  if (res.headersSent) return
  writeNodeResponse(res, response)
}

function engineFor(app: unknown): StatusErrors {
  const key = typeof app === 'function' || (typeof app === 'object' && app !== null) ? app : undefined
  const known = key === undefined ? undefined : engineByApp.get(key)
  if (known !== undefined) return known
  const found = findEngine(app)
  if (found === undefined) {
    // Not cached: status-errors may still be mounted after this first request.
    defaultEngine ??= createStatusErrors()
    return defaultEngine
  }
  if (key !== undefined) engineByApp.set(key, found)
  return found
}

function readLocation(options: unknown): string | undefined {
  if (options === undefined) return undefined
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('status-errors: accepted(res, options) needs an options object such as { location }')
  }
  const location: unknown = Reflect.get(options, 'location')
  if (location !== undefined && typeof location !== 'string') {
    throw new TypeError('status-errors: accepted() needs "location" to be a string')
  }
  return location
}
