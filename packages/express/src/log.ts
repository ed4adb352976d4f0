import type { RequestInfo } from '@status-errors/core'

/** Default logging when no `onError` is given: core calls it for 5xx answers only. */
export function logServerError(error: unknown, request: RequestInfo): void {
  console.error(`status-errors: ${request.method} ${request.path} failed:`, error)
}
