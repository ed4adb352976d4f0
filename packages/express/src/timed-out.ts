import type { ServerResponse } from 'node:http'

/** Responses a timeout answered; marked only when a timeout fires, so requests pay nothing. */
const answeredByTimeout = new WeakSet<ServerResponse>()

export function markAnsweredByTimeout(res: ServerResponse): void {
  answeredByTimeout.add(res)
}

/**
 * Whether a timeout already answered this request. The slow route may still fail or call `next()`
 * afterwards (often because its AbortSignal fired); that is expected, already reported, and must not
 * reach Express's final handler, which would cut a connection whose response is complete.
 */
export function wasAnsweredByTimeout(res: ServerResponse, signal: AbortSignal | undefined): boolean {
  // The signal aborts before the route's abort listeners run, which may call next(err) at once.
  return answeredByTimeout.has(res) || (signal?.aborted === true && res.writableEnded)
}
