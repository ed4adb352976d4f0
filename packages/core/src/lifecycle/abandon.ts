import type { ServerResponse } from 'node:http'

/**
 * The one policy for a response whose headers are already out when an error or an unmatched
 * request reaches status-errors: a second response cannot follow, and an error body glued to the
 * first would be read as part of it. Closing the connection mid-message is the only signal left
 * that the response is incomplete (RFC 9112 §8). It happens on the next turn, so the bytes Node
 * still holds corked reach the client first. A response that was already ended is complete and is
 * left alone.
 */
export function abandonResponse(res: ServerResponse): void {
  if (res.writableEnded || res.destroyed) return
  setImmediate(() => res.destroy())
}
