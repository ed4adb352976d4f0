import type { RequestInfo } from '@status-errors/core'
import type { Request } from 'express'

/**
 * The request facts core needs. `req.path` has no query string and is relative to the app that
 * received the request, which is the frame its router stack matches against.
 */
export function toRequestInfo(req: Request): RequestInfo {
  return { method: req.method, path: req.path, accept: req.headers.accept }
}
