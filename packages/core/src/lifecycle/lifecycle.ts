import { unsupportedCharsetError } from '../body-charset.js'
import { writeNodeResponse } from '../guard/node-response.js'
import { isAnsweredByTimeout } from '../guard/node-timeouts.js'
import type { ResponseHeaders } from '../headers.js'
import { malformedPathError } from '../malformed-path.js'
import type { ErrorInfo } from '../options.js'
import type { Answer, RequestInfo, StatusErrors } from '../status-errors.js'
import type { RouteMethods } from '../unmatched.js'
import { abandonResponse } from './abandon.js'
import { readAcceptedLocation } from './accepted-options.js'
import { dropContentHeaders, isEmptyBody } from './no-content.js'
import type { AdapterPort } from './port.js'

/** What a route left behind when its response is about to start, as the framework knows it. */
export interface RouteOutcome {
  readonly status: number
  /** Whether the route set the status itself: an explicit status always wins. */
  readonly explicit: boolean
  /** The body, or the first chunk written; `isEmptyBody` decides whether it counts as content. */
  readonly body: unknown
}

/**
 * The request lifecycle of one installation, run by core for every framework. Each phase decides,
 * renders, writes (through the adapter's port) and reports, once.
 */
export interface Lifecycle<TContext> {
  readonly engine: StatusErrors
  /** Whether a phase must run before the route (admission or timers): adapters add their hook only then. */
  readonly actsBeforeRoute: boolean
  /** Whether `success: 'documented'` is on: adapters watch successful responses only then. */
  readonly rewritesSuccess: boolean
  /** Before the route: answers 503 (maintenance, shedding) or 406 (`produces`) and returns `false`; `true` lets the route run. */
  admit(context: TContext): boolean
  /** Starts the body and handler timers; returns the signal routes can pass on (with `timeout.handler`). */
  startTimers(context: TContext): AbortSignal | undefined
  /** Answers a thrown value, or closes the connection when the response already started. */
  answerError(context: TContext, thrown: unknown): void
  /**
   * Sending an error answer through the framework failed after `write` returned (a Fastify
   * `onSend` hook threw): the documented 500 goes straight to Node's response, past the hooks that
   * failed, or the connection is closed when the head is already out. The failure is reported as a
   * server fault, once; the error the answer was for was reported when it was written.
   */
  answerSendFailure(context: TContext, failure: unknown): void
  /**
   * Answers a request no route answered: 400 for a malformed request (see `rejectMalformedRequest`),
   * else 404, 405 + Allow, 501, or OPTIONS 204 + Allow.
   */
  answerUnmatched(context: TContext): void
  /**
   * Before routing or body parsing, for routers and parsers that would hand a route what they
   * cannot read: answers 400 and returns `true` when the path's percent-encoding is malformed, or
   * when the body (of any method but GET and HEAD) declares a charset it cannot be read in.
   */
  rejectMalformedRequest(context: TContext): boolean
  /**
   * Answers 202 Accepted (RFC 9110 §15.3.3). Throws a TypeError for bad options; writes nothing
   * once the response has started (a timeout answered, or the route did).
   */
  answerAccepted(context: TContext, options: unknown): void
  /** Whether a route ending with the default 200 for `method` may get another status: only those are watched. */
  watchesSuccess(method: string): boolean
  /** The documented success status for what the route left; a 204 loses its content headers here. */
  successStatus(context: TContext, method: string, outcome: RouteOutcome): number
}

/**
 * Binds an engine to an adapter's port. Made once per installation: nothing here allocates per
 * request beyond the request facts of the phase that runs.
 */
export function createLifecycle<TContext>(
  engine: StatusErrors,
  port: AdapterPort<TContext>,
): Lifecycle<TContext> {
  const { options } = engine
  const { onError } = options
  const watchedMethods = new Map<string, boolean>()
  // The request `answerError` is answering, for `routesOfAnswered`: one function per installation
  // instead of a closure per error. The engine calls it synchronously, only for a thrown 405.
  let answering: TContext | undefined
  function routesOfAnswered(): RouteMethods {
    return port.routeMethods(answering as TContext)
  }

  function report(context: TContext, answer: Answer, request: RequestInfo): void {
    if (answer.status < 400) return
    try {
      if (onError === undefined) {
        // Only a route's failure or a timeout can be a server fault; a 501 for an unknown method
        // or a 503 while shedding is the server working as configured.
        if (answer.status >= 500 && (answer.reason === 'thrown' || answer.reason === 'timeout')) {
          port.log(context, answer.error)
        }
        return
      }
      const info: ErrorInfo = {
        status: answer.status,
        reason: answer.reason as ErrorInfo['reason'],
        method: request.method,
        path: request.path,
      }
      onError(answer.error, info)
    } catch (hookFailure) {
      // A failing logger must not take the response down; surface the failure instead.
      port.log(context, hookFailure)
    }
  }

  function answer(context: TContext, response: Answer, request: RequestInfo): void {
    try {
      port.write(context, response)
    } catch (writeFailure) {
      answerWriteFailure(context, response, request, writeFailure)
      return
    }
    report(context, response, request)
  }

  /**
   * Writing an answer failed part-way (a header the framework or Node refused): the response must
   * still be one whole message. The failed answer's headers are taken back and the documented 500
   * of the same format is written, with its own Content-Length; if even that fails, or the head is
   * already out, the connection is closed. The failure is a server fault: it is always logged.
   */
  function answerWriteFailure(
    context: TContext,
    failed: Answer,
    request: RequestInfo,
    failure: unknown,
  ): void {
    port.log(context, failure)
    const res = port.nodeResponse(context)
    const fallback = engine.respondToWriteFailure(request, failed.error)
    try {
      if (res.headersSent) throw failure
      const target = port.headers(context)
      // `Vary` holds the route's own fields merged with the answer's Accept, which the fallback
      // merges again: taking it back would lose the route's (`Vary: Origin`, RFC 9110 §12.5.5).
      for (const [name] of failed.headers) if (name !== 'vary') target.removeHeader(name)
      for (const [name] of failed.defaultHeaders) target.removeHeader(name)
      port.write(context, fallback)
    } catch {
      port.abandon(context)
      abandonResponse(res)
    }
    report(context, fallback, request)
  }

  function answerUnmatched(context: TContext): void {
    const res = port.nodeResponse(context)
    if (res.headersSent) {
      // A timeout answered and the slow route passed the request on: nothing is left to do.
      // Otherwise a handler started a response and passed it on: it can only be cut.
      if (isAnsweredByTimeout(res)) return
      port.abandon(context)
      abandonResponse(res)
      return
    }
    if (rejectMalformedRequest(context)) return
    const request = port.request(context)
    answer(context, engine.respondToUnmatched(request, port.routeMethods(context)), request)
  }

  /**
   * Runs before every request's routing (Koa) or body parsing (Fastify), so it reads only what it
   * must: the path when the URL has '%', the headers when the method can carry a body (a GET or
   * HEAD body has no defined meaning, RFC 9110 §9.3.1), and the request facts only for a refusal.
   */
  function rejectMalformedRequest(context: TContext): boolean {
    const req = port.nodeRequest(context)
    const method = req.method
    const malformed =
      (req.url?.includes('%') === true ? malformedPathError(port.request(context).path) : undefined) ??
      (method === 'GET' || method === 'HEAD' ? undefined : unsupportedCharsetError(req.headers))
    if (malformed === undefined) return false
    const request = port.request(context)
    answer(context, engine.respondToError(malformed, request), request)
    return true
  }

  return {
    engine,
    actsBeforeRoute: options.admits || options.timed,
    rewritesSuccess: options.success === 'documented',

    admit(context) {
      if (!options.admits) return true
      const request = port.request(context)
      // Node's response: with `shed`, its 'close' gives the request's slot back.
      const routes = () =>
        port.routeMethodsBeforeRouting === undefined
          ? port.routeMethods(context)
          : port.routeMethodsBeforeRouting(context)
      const refusal = engine.admit(request, port.nodeResponse(context), routes)
      if (refusal === undefined) return true
      answer(context, refusal, request)
      return false
    },

    startTimers(context) {
      if (!options.timed) return undefined
      const request = port.request(context)
      return engine.watchTimeouts(
        port.nodeRequest(context),
        port.nodeResponse(context),
        request,
        (timeout) => {
          port.timedOut?.(context)
          report(context, timeout, request)
        },
      )
    },

    answerError(context, thrown) {
      const res = port.nodeResponse(context)
      // After a timeout answered, the route's late failure (often its aborted signal) has nothing to answer.
      if (isAnsweredByTimeout(res)) return
      const request = port.request(context)
      // A user's `map` rule runs inside and could answer another error: the slot is restored after.
      const outer = answering
      answering = context
      let response: Answer
      try {
        response = engine.respondToError(thrown, request, routesOfAnswered)
      } finally {
        answering = outer
      }
      if (res.headersSent || res.destroyed) {
        port.abandon(context)
        abandonResponse(res)
        report(context, response, request)
        return
      }
      if (isRoutingVerdict(response) && port.rejectedByRouter?.(context, thrown) === true) {
        response = engine.respondToUnmatched(request, port.routeMethods(context))
      }
      answer(context, response, request)
    },

    answerSendFailure(context, failure) {
      const res = port.nodeResponse(context)
      // A timeout answered while the hooks ran: its answer stands, as for a late route failure.
      if (isAnsweredByTimeout(res)) return
      const request = port.request(context)
      const fallback = engine.respondToWriteFailure(request, failure)
      try {
        if (res.headersSent || res.destroyed) throw failure
        writeNodeResponse(res, fallback)
      } catch {
        port.abandon(context)
        abandonResponse(res)
      }
      report(context, fallback, request)
    },

    answerUnmatched,
    rejectMalformedRequest,

    answerAccepted(context, acceptedOptions) {
      const location = readAcceptedLocation(acceptedOptions)
      // Rendered (and the Location checked) first, so a bad Location throws whatever the state.
      const response = engine.respondToAccepted(port.request(context), location)
      if (port.nodeResponse(context).headersSent) return
      port.write(context, response)
    },

    watchesSuccess(method) {
      let watched = watchedMethods.get(method)
      if (watched === undefined) {
        // Asked once per method: can a route ending with the default 200 get another status?
        const exchange = { method, status: 200, explicit: false }
        watched =
          engine.successStatus({ ...exchange, hasBody: true }) !== 200 ||
          engine.successStatus({ ...exchange, hasBody: false }) !== 200
        watchedMethods.set(method, watched)
      }
      return watched
    },

    successStatus(context, method, outcome) {
      const { status, explicit, body } = outcome
      const documented = engine.successStatus({ method, status, explicit, hasBody: !isEmptyBody(body) })
      if (documented === 204 && status !== 204) dropContentHeaders(port.headers(context))
      return documented
    },
  }
}

/** A 404, a 405 without `Allow` or a 501: what a router throws when it rejects a request no route matched. */
function isRoutingVerdict(response: Answer): boolean {
  if (response.status === 404 || response.status === 501) return true
  if (response.status !== 405) return false
  const { headers } = response
  for (let i = 0; i < headers.length; i++) {
    if ((headers[i] as ResponseHeaders[number])[0] === 'allow') return false
  }
  return true
}
