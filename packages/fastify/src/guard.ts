import type { HandledError, ResolvedOptions, StatusErrors } from '@status-errors/core'
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify'
import { ignoreLateSends } from './late-sends.js'
import { logServerError } from './log-server-error.js'
import { toRequestInfo } from './request-info.js'
import { writeResponse } from './write-response.js'

/** `request.timeoutSignal` as the hook sets it; users see it read-only (declared at the end of this file). */
type SignalledRequest = FastifyRequest & { timeoutSignal: AbortSignal | undefined }

/**
 * Adds the `onRequest` hook that acts before the route: refusals (503 maintenance and shedding,
 * 406 for `produces`) and the body and handler timers. Added only when one of those options is
 * set, so an app without them runs no hook at all. `onRequest` runs before the body is read, so
 * the body timer covers its whole arrival (RFC 9110 §15.5.9), and for unmatched requests too.
 */
export function installGuard(fastify: FastifyInstance, engine: StatusErrors): void {
  const { options } = engine
  if (!actsBeforeRoute(options)) return
  if (options.handlerTimeout !== undefined) {
    // Declared on the request shape, so setting it does not change the object's layout per request.
    fastify.decorateRequest('timeoutSignal', undefined)
  }
  const timed = options.bodyTimeout !== undefined || options.handlerTimeout !== undefined

  const guard: onRequestHookHandler = (request, reply, done) => {
    const info = toRequestInfo(request)
    // Node's response: with `shed`, its 'close' gives the request's slot back.
    const refusal = engine.admit(info, reply.raw)
    if (refusal !== undefined) {
      // Answering from a hook: send, and do not call `done`, so the route never runs.
      writeResponse(reply, refusal)
      engine.report(refusal, info, logServerError, request)
      return
    }
    if (timed) {
      const signal = engine.watchTimeouts(request.raw, reply.raw, info, (handled: HandledError) => {
        ignoreLateSends(reply)
        engine.report(handled, info, logServerError, request)
      })
      if (signal !== undefined) (request as SignalledRequest).timeoutSignal = signal
    }
    done()
  }
  fastify.addHook('onRequest', guard)
}

/** Whether any option refuses requests or starts timers (`success` acts on the response instead). */
function actsBeforeRoute(options: ResolvedOptions): boolean {
  return (
    options.produces !== undefined ||
    options.maintenance !== undefined ||
    options.maxInFlight !== undefined ||
    options.bodyTimeout !== undefined ||
    options.handlerTimeout !== undefined
  )
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * With `timeout.handler`: aborts when the handler timeout answers for the route (or when the
     * client goes away). Pass it to fetch, database calls … to stop work nobody waits for any more.
     * `undefined` without `timeout.handler`. (Fastify 5's `request.signal` is its own
     * `handlerTimeout`'s.)
     */
    readonly timeoutSignal: AbortSignal | undefined
  }
}
