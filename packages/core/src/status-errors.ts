import type { IncomingMessage, ServerResponse } from 'node:http'
import { classifyError } from './classify.js'
import { createAdmission, type ResponseLifecycle } from './guard/admission.js'
import { watchTimeouts } from './guard/node-timeouts.js'
import { documentedSuccessStatus, type SuccessExchange } from './guard/success-status.js'
import { EMPTY_HEADERS, type ResponseHeaders } from './headers.js'
import { expectLocation } from './helpers.js'
import { HttpError } from './http-error.js'
import { negotiateFormat } from './negotiate.js'
import { type ErrorInfo, type ResolvedOptions, resolveOptions, type StatusErrorsOptions } from './options.js'
import { readString } from './read-property.js'
import { type ErrorResponse, type PreparedStatus, prepareStatus, withHeaders } from './render/response.js'
import { createRequiredHeaders } from './required-headers.js'
import type { StatusEntry } from './statuses/catalog.js'
import { reasonPhrase } from './statuses/reason-phrases.js'
import { decideUnmatched, formatAllow, type RouteMethods } from './unmatched.js'

/** The request facts core needs; adapters read them from their framework's request. */
export interface RequestInfo {
  readonly method: string
  /** The path without the query string. */
  readonly path: string
  readonly accept: string | undefined
}

/** An error response plus the error it answers, for logging. */
export interface HandledError extends ErrorResponse {
  readonly error: unknown
}

/** The framework-free engine each adapter drives. */
export interface StatusErrors {
  readonly options: ResolvedOptions
  /**
   * Classifies a thrown value and renders its response. Never throws. `routes` is asked only when
   * the answer is a 405 whose error carries no `Allow`.
   */
  respondToError(thrown: unknown, request: RequestInfo, routes?: () => RouteMethods): HandledError
  /** Answers a request no route handled: 404, 405 + Allow, 501, or 204 + Allow for OPTIONS. */
  respondToUnmatched(request: RequestInfo, routes: RouteMethods): HandledError
  /** Whether an option (timeouts, maintenance, shedding, `produces`, `success`) must act before the route. */
  readonly needsGuard: boolean
  /**
   * Before the route: a 503 (maintenance, shedding) or 406 (`produces`) answer, or `undefined` to
   * let the request through. With `shed`, pass the response so its end releases its slot.
   */
  admit(request: RequestInfo, lifecycle?: ResponseLifecycle): HandledError | undefined
  /**
   * Starts the body and handler timers (when configured) on Node's request and response. A timeout
   * writes its answer directly and makes later writes harmless; `onTimeout` gets it for logging.
   * Returns the AbortSignal the route can watch, when a handler timeout is set.
   */
  watchTimeouts(
    req: IncomingMessage,
    res: ServerResponse,
    request: RequestInfo,
    onTimeout: (handled: HandledError) => void,
  ): AbortSignal | undefined
  /**
   * The documented 202 Accepted answer for work that continues in the background, with an
   * optional `Location` where its status can be followed (RFC 9110 §15.3.3).
   */
  respondToAccepted(request: RequestInfo, location?: string): ErrorResponse
  /** The status a successful response should have (`success: 'documented'`); else `status` as it is. */
  successStatus(exchange: SuccessExchange): number
  /**
   * Logs an error response once: through `onError` when given, otherwise through the adapter's
   * `defaultLog` for 5xx only (4xx are the client's business). Never throws.
   */
  report<TContext>(
    handled: HandledError,
    request: RequestInfo,
    defaultLog: (error: unknown, context: TContext) => void,
    context: TContext,
  ): void
}

/**
 * Creates the engine. Options are validated here, so mistakes surface at startup.
 *
 * @example
 * const engine = createStatusErrors({ undocumented: 'passthrough' })
 * const { status, headers, body } = engine.respondToError(new Error('x'), { method: 'GET', path: '/', accept: undefined })
 */
export function createStatusErrors(options?: StatusErrorsOptions): StatusErrors {
  const resolved = resolveOptions(options)
  const { catalog, debug, methodNotAllowed, onError } = resolved
  // Per status and format, everything but the detail and stack is rendered once.
  const prepared = new Map<number, PreparedStatus>()
  const requiredHeaders = createRequiredHeaders(resolved)
  const admission = createAdmission(resolved)
  const timeoutsOn = resolved.bodyTimeout !== undefined || resolved.handlerTimeout !== undefined

  function entryFor(status: number): StatusEntry {
    return (
      catalog.get(status) ?? {
        status,
        title: reasonPhrase(status),
        description: reasonPhrase(status),
        kind: 'abnormal',
      }
    )
  }

  function render(
    status: number,
    request: RequestInfo,
    detail: string | undefined,
    stack: string | undefined,
  ): ErrorResponse {
    const format = negotiateFormat(request.accept)
    const head = request.method === 'HEAD'
    const key = (status << 2) | format.index
    let responses = prepared.get(key)
    if (responses === undefined) {
      const entry = entryFor(status)
      responses = prepareStatus({ ...entry, type: resolved.problemType(status) }, format)
      prepared.set(key, responses)
    }
    return detail === undefined && stack === undefined
      ? responses.plain(head)
      : responses.withDetail(detail, stack, head)
  }

  function respond(
    response: ErrorResponse,
    extra: ResponseHeaders,
    defaultHeaders: ResponseHeaders,
    error: unknown,
  ): HandledError {
    return {
      status: response.status,
      headers: withHeaders(response, extra),
      defaultHeaders,
      body: response.body,
      error,
    }
  }

  function respondToStatus(
    status: number,
    request: RequestInfo,
    detail: string | undefined,
    extra: ResponseHeaders,
    error: Error,
  ) {
    return respond(render(status, request, detail, undefined), extra, requiredHeaders(status), error)
  }
  // Timeouts are logged like server faults; the errors are made once, not per request.
  const bodyTimeoutError = new HttpError(
    408,
    `The request body did not arrive within ${resolved.bodyTimeout} ms.`,
  )
  const handlerTimeoutError = new HttpError(
    resolved.handlerTimeoutStatus,
    `The route did not start its response within ${resolved.handlerTimeout} ms.`,
  )

  return {
    options: resolved,
    needsGuard: resolved.needsGuard,

    admit(request, lifecycle) {
      const refusal = admission.check(request.accept, lifecycle)
      if (refusal === undefined) return undefined
      return refusal.status === 406
        ? respondToStatus(406, request, refusal.detail, EMPTY_HEADERS, REFUSAL_ERRORS[406])
        : respondToStatus(503, request, undefined, EMPTY_HEADERS, REFUSAL_ERRORS[503])
    },

    watchTimeouts(req, res, request, onTimeout) {
      if (!timeoutsOn) return undefined
      return watchTimeouts(req, res, {
        bodyMs: resolved.bodyTimeout,
        handlerMs: resolved.handlerTimeout,
        respond: (kind) =>
          kind === 'body'
            ? respondToStatus(408, request, undefined, CLOSE_CONNECTION, bodyTimeoutError)
            : respondToStatus(
                resolved.handlerTimeoutStatus,
                request,
                undefined,
                EMPTY_HEADERS,
                handlerTimeoutError,
              ),
        onTimeout,
      })
    },

    respondToAccepted(request, location) {
      const response = render(202, request, undefined, undefined)
      if (location === undefined) return response
      expectLocation(location)
      return { ...response, headers: withHeaders(response, [['location', location]]) }
    },

    successStatus(exchange) {
      return resolved.success === 'documented' ? documentedSuccessStatus(exchange) : exchange.status
    },

    respondToError(thrown, request, routes) {
      const { status, headers, detail } = classifyError(thrown, resolved)
      const stack = debug ? readString(thrown, 'stack') : undefined
      const defaults: ResponseHeaders =
        status === 405 && routes !== undefined
          ? [['allow', formatAllow(routes().pathMethods)]]
          : requiredHeaders(status)
      return respond(render(status, request, detail, stack), headers, defaults, thrown)
    },

    respondToUnmatched(request, routes) {
      const outcome = decideUnmatched(request.method, routes, methodNotAllowed)
      if (outcome.status === 204) {
        return {
          status: 204,
          headers: [['allow', outcome.allow]],
          defaultHeaders: EMPTY_HEADERS,
          body: '',
          error: undefined,
        }
      }
      const extra: ResponseHeaders = outcome.status === 405 ? [['allow', outcome.allow]] : EMPTY_HEADERS
      return respond(
        render(outcome.status, request, undefined, undefined),
        extra,
        EMPTY_HEADERS,
        UNMATCHED_ERRORS[outcome.status],
      )
    },

    report(handled, request, defaultLog, context) {
      if (handled.status < 400) return
      try {
        if (onError === undefined) {
          // A 501 for an unknown method is the client's doing, a 503 for maintenance or shedding the
          // configuration's: neither is a server fault to log.
          if (handled.status >= 500 && !isDecidedByDesign(handled.error)) defaultLog(handled.error, context)
          return
        }
        const info: ErrorInfo = { status: handled.status, method: request.method, path: request.path }
        onError(handled.error, info)
      } catch (hookFailure) {
        // A failing logger must not take the response down; surface the failure instead.
        defaultLog(hookFailure, context)
      }
    },
  }
}

/** Shared error values for unmatched requests, so `onError` gets an error without a stack capture per request. */
const UNMATCHED_ERRORS = {
  404: new HttpError(404),
  405: new HttpError(405),
  501: new HttpError(501),
} as const

/** Answers status-errors decided by design (unknown method, maintenance, shedding): not server faults. */
function isDecidedByDesign(error: unknown): boolean {
  return error === UNMATCHED_ERRORS[501] || error === REFUSAL_ERRORS[503]
}

/** Shared error values for refusals before the route: the server working as configured, not a fault. */
const REFUSAL_ERRORS = {
  406: new HttpError(406),
  503: new HttpError(503),
} as const

/** RFC 9112 §9.6: after a 408 the request's framing is lost, so the server closes the connection. */
const CLOSE_CONNECTION: ResponseHeaders = [['connection', 'close']]
