import type { ServerResponse } from 'node:http'
import { type ErrorResponseHeaders, writeErrorHeaders } from '../headers.js'

/**
 * Writes an error response straight to Node's response: no framework adds or changes a byte. Used
 * by the Express adapter and by the timeouts, which must answer while a route still runs.
 */
export function writeNodeResponse(
  res: ServerResponse,
  response: ErrorResponseHeaders & { readonly status: number; readonly body: string },
): void {
  writeErrorHeaders(res, response)
  res.statusCode = response.status
  res.end(response.body)
}

const noop = function (this: ServerResponse): ServerResponse {
  return this
}

/**
 * After a timeout answered, the slow route may still try to write: make that harmless instead of
 * an ERR_HTTP_HEADERS_SENT thrown into the route (only one response is ever written).
 */
export function ignoreLateWrites(res: ServerResponse): void {
  res.setHeader = noop
  res.appendHeader = noop
  res.removeHeader = () => undefined
  res.writeHead = noop
  res.flushHeaders = () => undefined
  res.write = () => true
  res.end = noop
}
