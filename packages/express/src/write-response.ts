import type { ServerResponse } from 'node:http'
import { type HandledError, writeErrorHeaders } from '@status-errors/core'

/**
 * Writes core's answer with Node's own methods rather than `res.send`, so Express adds no ETag
 * and the body bytes are exactly core's on both majors.
 */
export function writeResponse(res: ServerResponse, handled: HandledError): void {
  writeErrorHeaders(res, handled)
  res.statusCode = handled.status
  res.end(handled.body)
}
