import type { RequestInfo, StatusErrors } from '@status-errors/core'
import type { Context, Middleware } from 'koa'
import {
  answerError,
  answeredMalformedPath,
  answerUnmatched,
  isStillKoas,
  isUnanswered,
  writeAnswer,
} from './answers.js'
import { applyDocumentedSuccess } from './documented-success.js'
import { emitAppError } from './emit-error.js'
import { trackExplicitStatus } from './explicit-status.js'
import { requestInfoOf } from './request-info.js'

/**
 * The middleware when options act before and after the routes: admission (`maintenance`, `shed`,
 * `produces`) and timers before `next()`, documented success statuses after it, before Koa writes.
 * Per request it allocates the request facts (admission, timers) and, with timers, one callback.
 */
export function guardedMiddleware(engine: StatusErrors): Middleware {
  const { maintenance, produces, maxInFlight, bodyTimeout, handlerTimeout, success } = engine.options
  const admits = maintenance !== undefined || produces !== undefined || maxInFlight !== undefined
  const timed = bodyTimeout !== undefined || handlerTimeout !== undefined
  const documented = success === 'documented'

  return async function statusErrorsMiddleware(ctx, next) {
    if (answeredMalformedPath(engine, ctx)) return
    const request = admits || timed ? requestInfoOf(ctx) : undefined
    if (admits && request !== undefined && refused(engine, ctx, request)) return
    let timedOut = false
    if (timed && request !== undefined) {
      ctx.timeoutSignal = engine.watchTimeouts(ctx.req, ctx.res, request, (handled) => {
        // Core has written the answer and made later writes no-ops; it is logged here, once.
        timedOut = true
        engine.report(handled, request, emitAppError, ctx)
      })
    }
    // Without tracking (not Koa's response shape) no status is ever changed.
    const tracked = documented && trackExplicitStatus(ctx.response)
    try {
      await next()
    } catch (thrown) {
      // After a timeout the route's late failure (often the aborted signal) has nothing to answer.
      if (!timedOut) answerError(engine, ctx, thrown)
      return
    }
    if (timedOut) return
    if (isUnanswered(ctx)) answerUnmatched(engine, ctx)
    else if (tracked && isStillKoas(ctx)) applyDocumentedSuccess(engine, ctx)
  }
}

/** 503 (maintenance, shedding) or 406 before the route; with `shed` the request holds a slot until its response closes. */
function refused(engine: StatusErrors, ctx: Context, request: RequestInfo): boolean {
  const refusal = engine.admit(request, ctx.res)
  if (refusal === undefined) return false
  writeAnswer(engine, ctx, refusal, request)
  return true
}
