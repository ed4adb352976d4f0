import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HeaderTarget } from '../headers.js'
import type { ErrorResponse } from '../render/response.js'
import type { RequestInfo } from '../status-errors.js'
import type { RouteMethods } from '../unmatched.js'

/**
 * What an adapter tells core about its framework; everything else (what to answer, when, how to
 * log it, what to do once headers are out) is decided by core's lifecycle. `TContext` is whatever
 * the framework hands a middleware: Express's `res`, Koa's `ctx`, Fastify's `reply`.
 */
export interface AdapterPort<TContext> {
  /** The request facts core decides from: method, path without the query string, Accept. */
  request(context: TContext): RequestInfo
  /** Node's request under the framework's: the body timer watches it. */
  nodeRequest(context: TContext): IncomingMessage
  /** Node's response under the framework's: timers, shedding, and whether headers are already out. */
  nodeResponse(context: TContext): ServerResponse
  /** Where the response's headers can be read, set and removed before it starts. */
  headers(context: TContext): HeaderTarget
  /**
   * Writes a whole answer through the framework: status, `headers` (with `writeErrorHeaders`, in
   * the order the framework needs) and body. Called only while no header has been sent.
   */
  write(context: TContext, answer: ErrorResponse): void
  /**
   * The response already started and cannot be answered: keep the framework from writing anything
   * more to it (core then closes the connection, see `abandonResponse`).
   */
  abandon(context: TContext): void
  /** The framework's default log channel, for server faults when no `onError` is given. */
  log(context: TContext, error: unknown): void
  /** What the router knows about the request's path (for 405's `Allow`, 501 and OPTIONS). */
  routeMethods(context: TContext): RouteMethods
  /**
   * The same, asked before routing (for `produces`, whose 406 applies only to routed requests),
   * where `routeMethods` can only answer after it; `undefined` when the routes cannot be known.
   * Without it, `routeMethods` is asked.
   */
  routeMethodsBeforeRouting?(context: TContext): RouteMethods | undefined
  /**
   * Whether a thrown 404, 405 or 501 is the router's own verdict on a request no route matched
   * (@koa/router's `allowedMethods({ throw: true })`, Fastify 4's `FST_ERR_NOT_FOUND` for a method
   * it does not route), so core answers it as unmatched.
   */
  rejectedByRouter?(context: TContext, thrown: unknown): boolean
  /** A timeout answered on Node's response: the framework must drop what the route sends later. */
  timedOut?(context: TContext): void
}
