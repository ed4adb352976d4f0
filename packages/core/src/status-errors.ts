import type { IncomingMessage, ServerResponse } from 'node:http'
import { classifyError } from './classify.js'
import { createAdmission, type ResponseLifecycle } from './guard/admission.js'
import { watchTimeouts } from './guard/node-timeouts.js'
import { documentedSuccessStatus, type SuccessExchange } from './guard/success-status.js'
import { EMPTY_HEADERS, type ResponseHeaders } from './headers.js'
import { expectLocation } from './helpers.js'
import { HttpError } from './http-error.js'
import { negotiateFormat } from './negotiate.js'
import { type ResolvedOptions, resolveOptions, type StatusErrorsOptions } from './options.js'
import { readString } from './read-property.js'
import { type ErrorResponse, type PreparedStatus, prepareStatus, withHeaders } from './render/response.js'
import { createRequiredHeaders } from './required-headers.js'
import type { StatusEntry } from './statuses/catalog.js'
import { reasonPhrase } from './statuses/reason-phrases.js'
import { decideUnmatched, formatAllow, type RouteMethods, routeServes } from './unmatched.js'

/** The request facts core needs; adapters read them from their framework's request. */
export interface RequestInfo {
  readonly method: string
  /** The path without the query string. */
  readonly path: string
  readonly accept: string | undefined
}

/**
 * Why an answer exists. Logging decides from this, never from the error object: only `thrown` and
 * `timeout` answers can be server faults; `unmatched` (404/405/501), `refused` (503 maintenance or
 * shedding, 406) and `accepted` (202) are the server working as configured.
 */
export type AnswerReason = 'thrown' | 'timeout' | 'unmatched' | 'refused' | 'accepted'

/** A rendered response, why it exists, and the error it answers (for logging). */
export interface Answer extends ErrorResponse {
  readonly reason: AnswerReason
  readonly error: unknown
}

/** The framework-free engine each adapter drives. */
export interface StatusErrors {
  readonly options: ResolvedOptions
  /**
   * Classifies a thrown value and renders its response. Never throws. `routes` is asked only when
   * the answer is a 405 whose error carries no `Allow`.
   */
  respondToError(thrown: unknown, request: RequestInfo, routes?: () => RouteMethods): Answer
  /** Answers a request no route handled: 404, 405 + Allow, 501, or 204 + Allow for OPTIONS. */
  respondToUnmatched(request: RequestInfo, routes: RouteMethods): Answer
  /**
   * The documented 500 with only the headers of its format, for when writing another answer
   * failed: it needs nothing from the error or the options that could fail again.
   */
  respondToWriteFailure(request: RequestInfo, error: unknown): Answer
  /**
   * Before the route: a 503 (maintenance, shedding) or 406 (`produces`) answer, or `undefined` to
   * let the request through. With `shed`, pass the response so its end releases its slot. `routes`
   * is asked only when the Accept header admits none of `produces`: the 406 applies only to a
   * request a route will serve (routing decisions come first), and never to OPTIONS.
   */
  admit(
    request: RequestInfo,
    lifecycle?: ResponseLifecycle,
    routes?: () => RouteMethods | undefined,
  ): Answer | undefined
  /**
   * Starts the body and handler timers (when configured) on Node's request and response. A timeout
   * writes its answer directly and makes later writes harmless; `onTimeout` gets it for logging.
   * Returns the AbortSignal the route can watch, when a handler timeout is set.
   */
  watchTimeouts(
    req: IncomingMessage,
    res: ServerResponse,
    request: RequestInfo,
    onTimeout: (handled: Answer) => void,
  ): AbortSignal | undefined
  /**
   * The documented 202 Accepted answer for work that continues in the background, with an
   * optional `Location` where its status can be followed (RFC 9110 §15.3.3).
   */
  respondToAccepted(request: RequestInfo, location?: string): Answer
  /** The status a successful response should have (`success: 'documented'`); else `status` as it is. */
  successStatus(exchange: SuccessExchange): number
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
  const { catalog, debug, methodNotAllowed } = resolved
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
    cause: { readonly reason: AnswerReason; readonly error: unknown },
  ): Answer {
    return {
      status: response.status,
      headers: withHeaders(response, extra),
      defaultHeaders,
      body: response.body,
      reason: cause.reason,
      error: cause.error,
    }
  }

  function respondToStatus(
    status: number,
    request: RequestInfo,
    detail: string | undefined,
    extra: ResponseHeaders,
    cause: { readonly reason: AnswerReason; readonly error: unknown },
  ) {
    return respond(render(status, request, detail, undefined), extra, requiredHeaders(status), cause)
  }
  // Timeouts are logged like server faults; the errors are made once, not per request.
  const bodyTimeout = {
    reason: 'timeout',
    error: new HttpError(408, `The request body did not arrive within ${resolved.bodyTimeout} ms.`),
  } as const
  const handlerTimeout = {
    reason: 'timeout',
    error: new HttpError(
      resolved.handlerTimeoutStatus,
      `The route did not start its response within ${resolved.handlerTimeout} ms.`,
    ),
  } as const

  return {
    options: resolved,

    admit(request, lifecycle, routes) {
      const refusal = admission.check(request.accept, lifecycle, () => {
        if (request.method === 'OPTIONS') return false
        const known = routes?.()
        return known === undefined || routeServes(request.method, known)
      })
      if (refusal === undefined) return undefined
      return refusal.status === 406
        ? respondToStatus(406, request, refusal.detail, EMPTY_HEADERS, REFUSALS[406])
        : respondToStatus(503, request, undefined, EMPTY_HEADERS, REFUSALS[503])
    },

    watchTimeouts(req, res, request, onTimeout) {
      if (!timeoutsOn) return undefined
      return watchTimeouts(req, res, {
        bodyMs: resolved.bodyTimeout,
        handlerMs: resolved.handlerTimeout,
        respond: (kind) =>
          kind === 'body'
            ? respondToStatus(408, request, undefined, CLOSE_CONNECTION, bodyTimeout)
            : respondToStatus(
                resolved.handlerTimeoutStatus,
                request,
                undefined,
                EMPTY_HEADERS,
                handlerTimeout,
              ),
        onTimeout,
      })
    },

    respondToAccepted(request, location) {
      if (location !== undefined) expectLocation(location)
      const extra: ResponseHeaders = location === undefined ? EMPTY_HEADERS : [['location', location]]
      return respond(render(202, request, undefined, undefined), extra, EMPTY_HEADERS, ACCEPTED)
    },

    successStatus(exchange) {
      return resolved.success === 'documented' ? documentedSuccessStatus(exchange) : exchange.status
    },

    respondToError(thrown, request, routes) {
      const { status, headers, detail } = classifyError(thrown, resolved)
      const stack = debug ? readString(thrown, 'stack') : undefined
      const defaults: ResponseHeaders =
        status === 405 && routes !== undefined ? [['allow', allowOf(routes())]] : requiredHeaders(status)
      const response = render(status, request, detail, stack)
      // Built here rather than through `respond`: no cause object per thrown error.
      return {
        status: response.status,
        headers: withHeaders(response, headers),
        defaultHeaders: defaults,
        body: response.body,
        reason: 'thrown',
        error: thrown,
      }
    },

    respondToWriteFailure(request, error) {
      return respond(render(500, request, undefined, undefined), EMPTY_HEADERS, EMPTY_HEADERS, {
        reason: 'thrown',
        error,
      })
    },

    respondToUnmatched(request, routes) {
      const outcome = decideUnmatched(request.method, routes, methodNotAllowed)
      if (outcome.status === 204) {
        return {
          status: 204,
          headers: [['allow', outcome.allow]],
          defaultHeaders: EMPTY_HEADERS,
          body: '',
          reason: 'unmatched',
          error: undefined,
        }
      }
      const extra: ResponseHeaders = outcome.status === 405 ? [['allow', outcome.allow]] : EMPTY_HEADERS
      return respond(
        render(outcome.status, request, undefined, undefined),
        extra,
        EMPTY_HEADERS,
        unmatchedCause(outcome.status),
      )
    },
  }
}

function allowOf(routes: RouteMethods): string {
  return formatAllow(routes.pathMethods, routes.getServesHead !== false)
}

/** Shared error values for unmatched requests, so `onError` gets an error without a stack capture per request. */
const UNMATCHED_404 = { reason: 'unmatched', error: new HttpError(404) } as const
const UNMATCHED_405 = { reason: 'unmatched', error: new HttpError(405) } as const
const UNMATCHED_501 = { reason: 'unmatched', error: new HttpError(501) } as const

/**
 * Picked by comparison, not read from an object keyed by status: the engine keeps such keys as
 * sparse elements, which optimised code reads through its generic keyed load, on every 404.
 */
function unmatchedCause(status: 404 | 405 | 501) {
  return status === 404 ? UNMATCHED_404 : status === 405 ? UNMATCHED_405 : UNMATCHED_501
}

/** Shared error values for refusals before the route: the server working as configured, not a fault. */
const REFUSALS = {
  406: { reason: 'refused', error: new HttpError(406) },
  503: { reason: 'refused', error: new HttpError(503) },
} as const

const ACCEPTED = { reason: 'accepted', error: undefined } as const

/** RFC 9112 §9.6: after a 408 the request's framing is lost, so the server closes the connection. */
const CLOSE_CONNECTION: ResponseHeaders = [['connection', 'close']]
