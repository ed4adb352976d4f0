import { Readable } from 'node:stream'
import {
  type AdapterPort,
  CONTENT_HEADERS,
  type ErrorResponse,
  type HeaderTarget,
  type RequestInfo,
  writeErrorHeaders,
  writeNodeResponse,
} from '@status-errors/core/adapter'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { RouteMethodsOf } from './routes.js'

/** Fastify as core sees it: the context is the reply, which carries its request. */
export function createFastifyPort(routeMethodsOf: RouteMethodsOf): AdapterPort<FastifyReply> {
  return {
    request: (reply) => requestInfo(reply.request),
    nodeRequest: (reply) => reply.request.raw,
    nodeResponse: (reply) => reply.raw,
    headers: (reply) => new ReplyHeaderTarget(reply),
    write: writeThroughReply,
    // An error handler that sends nothing leaves Fastify waiting: it writes nothing more by itself.
    abandon: () => undefined,
    log: (reply, error) => reply.request.log.error({ err: error }, 'status-errors: server error response'),
    routeMethods: (reply) => routeMethodsOf(reply.request, pathOf(reply.request.url)),
    // Fastify 4 answers a method it does not route (QUERY …) with FST_ERR_NOT_FOUND through the
    // error handler, not the not-found handler.
    rejectedByRouter: (_reply, thrown) =>
      typeof thrown === 'object' && thrown !== null && Reflect.get(thrown, 'code') === 'FST_ERR_NOT_FOUND',
    timedOut: ignoreLateSends,
  }
}

/** `request.url` carries the query string, which core's path must not. */
export function requestInfo(request: FastifyRequest): RequestInfo {
  return { method: request.method, path: pathOf(request.url), accept: request.headers.accept }
}

function pathOf(url: string): string {
  const queryStart = url.indexOf('?')
  return queryStart === -1 ? url : url.slice(0, queryStart)
}

/**
 * Sends core's answer through the reply, bytes unchanged: a string body with its content type set
 * is not serialised again. A hijacked reply no longer sends: the answer goes to Node's response.
 */
function writeThroughReply(reply: FastifyReply, answer: ErrorResponse): void {
  if (reply.sent) {
    writeNodeResponse(reply.raw, answer)
    return
  }
  writeErrorHeaders(new ReplyHeaderTarget(reply), answer)
  const payload: string | Readable =
    reply.request.method === 'HEAD' && answer.status !== 204 ? emptyHeadPayload() : answer.body
  // A route's own `reply.serializer()` would be applied to this string too: the body is final.
  reply.serializer(sendAsIs).code(answer.status).send(payload)
}

const NONE_SET: readonly string[] = Object.freeze([])

function sendAsIs(payload: unknown): string {
  return payload as string
}

/**
 * The payload for an error answer to HEAD. Core's body is '' and its Content-Length is the GET
 * body's (RFC 9110 §9.3.2, §8.6), but the HEAD route Fastify adds for a GET route measures a string
 * payload in an onSend hook and would send `Content-Length: 0`. A stream payload it leaves measured
 * as it was, and so does Fastify's own send for HEAD. Only HEAD error answers pay this allocation.
 */
function emptyHeadPayload(): Readable {
  const payload = new Readable({ read() {} })
  payload.push(null)
  return payload
}

function sendNothing(this: FastifyReply): FastifyReply {
  return this
}

/**
 * After a timeout answered straight on Node's response (core made Node's writes no-ops), the route
 * is still running and will end with `reply.send` or by returning a value. `hijack()` tells Fastify
 * the response is handled elsewhere: a value returned late is dropped, and Fastify 5's own
 * `handlerTimeout` timer is cleared. An own `send` that does nothing keeps a late `reply.send` (or
 * the body parser failing as the connection closes after a 408) from a "Reply was already sent"
 * warning: only one response is ever written, and the timeout was already reported.
 */
function ignoreLateSends(reply: FastifyReply): void {
  reply.hijack()
  reply.send = sendNothing
}

/**
 * Lets core's `writeErrorHeaders` work on a Fastify reply. Fastify keeps its own header map and
 * merges it over the raw response's headers at `writeHead`, so a content header the failed handler
 * set with `reply.raw.setHeader` (Content-Encoding …) would survive `reply.removeHeader` alone and
 * mislabel the error body: removal clears both.
 */
class ReplyHeaderTarget implements HeaderTarget {
  readonly #reply: FastifyReply

  constructor(reply: FastifyReply) {
    this.#reply = reply
  }

  /**
   * The content headers set in Fastify's map or on the raw response: asking for each is cheaper
   * than `reply.getHeaders()`, which copies both maps for every error answer.
   */
  getHeaderNames(): readonly string[] {
    let present: string[] | undefined
    for (let i = 0; i < CONTENT_HEADERS.length; i++) {
      const name = CONTENT_HEADERS[i] as string
      if (!this.#reply.hasHeader(name)) continue
      if (present === undefined) present = []
      present.push(name)
    }
    return present ?? NONE_SET
  }

  getHeader(name: string): unknown {
    return this.#reply.getHeader(name)
  }

  setHeader(name: string, value: string | readonly string[]): void {
    this.#reply.header(name, value)
  }

  removeHeader(name: string): void {
    this.#reply.removeHeader(name)
    this.#reply.raw.removeHeader(name)
  }
}
