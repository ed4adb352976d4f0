import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorResponse } from '../render/response.js'
import { ignoreLateWrites, writeNodeResponse } from './node-response.js'

/** Responses a timeout answered; marked only when a timeout fires, so requests pay nothing. */
const answeredByTimeout = new WeakSet<ServerResponse>()

/**
 * Whether a timeout already answered this response. The slow route may still fail or pass the
 * request on afterwards (often because its AbortSignal fired): that has nothing left to answer.
 */
export function isAnsweredByTimeout(res: ServerResponse): boolean {
  return answeredByTimeout.has(res)
}

export interface TimeoutPlan<TAnswer extends ErrorResponse = ErrorResponse> {
  readonly bodyMs: number | undefined
  readonly handlerMs: number | undefined
  respond(kind: 'body' | 'handler'): TAnswer
  /** Called after a timeout answered, for logging. */
  onTimeout(answer: TAnswer): void
}

/**
 * Starts the request timers. Returns the signal that aborts when the handler timeout fires or the
 * client goes away (routes pass it to fetch, database calls …), or `undefined` with no handler
 * timeout.
 * - Body timeout: the body has not fully arrived → 408 + `Connection: close`: the request's
 *   framing is lost, so the connection must close (RFC 9110 §15.5.9, RFC 9112 §9.6).
 * - Handler timeout: the route has not started its response → 503 or 504. A response already
 *   under way is left alone: it cannot be replaced, only cut.
 * Timers are cleared when the response closes, and never keep the process alive.
 */
export function watchTimeouts<TAnswer extends ErrorResponse>(
  req: IncomingMessage,
  res: ServerResponse,
  plan: TimeoutPlan<TAnswer>,
): AbortSignal | undefined {
  const controller = plan.handlerMs === undefined ? undefined : new AbortController()
  let bodyTimer: NodeJS.Timeout | undefined
  let handlerTimer: NodeJS.Timeout | undefined

  function answer(kind: 'body' | 'handler'): void {
    clear()
    const response = plan.respond(kind)
    writeNodeResponse(res, response)
    ignoreLateWrites(res)
    answeredByTimeout.add(res)
    // The adapter learns of the timeout first: a route's abort listener may report an error
    // synchronously, and the adapter must already know the response is answered.
    plan.onTimeout(response)
    controller?.abort(new DOMException('status-errors: the request timed out', 'TimeoutError'))
  }

  function clear(): void {
    if (bodyTimer !== undefined) clearTimeout(bodyTimer)
    if (handlerTimer !== undefined) clearTimeout(handlerTimer)
  }

  if (plan.bodyMs !== undefined && expectsBody(req)) {
    bodyTimer = setTimeout(() => {
      if (!req.complete && !res.headersSent) answer('body')
    }, plan.bodyMs).unref()
  }
  if (plan.handlerMs !== undefined) {
    handlerTimer = setTimeout(() => {
      if (!res.headersSent) answer('handler')
    }, plan.handlerMs).unref()
  }
  res.once('close', () => {
    clear()
    // The client went away before the response finished: downstream work can stop too.
    if (!res.writableFinished)
      controller?.abort(new DOMException('status-errors: the client went away', 'AbortError'))
  })
  return controller?.signal
}

/** RFC 9112 §6.3: a request has a body when it says so with Content-Length or Transfer-Encoding. */
function expectsBody(req: IncomingMessage): boolean {
  if (req.complete) return false
  const length = req.headers['content-length']
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined
}
