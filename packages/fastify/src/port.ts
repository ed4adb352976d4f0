import { Readable } from 'node:stream'
import {
  type AdapterPort,
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
  const headerMapOf = replyHeaderMapReader()
  return {
    request: (reply) => requestInfo(reply.request),
    nodeRequest: (reply) => reply.request.raw,
    nodeResponse: (reply) => reply.raw,
    headers: (reply) => new ReplyHeaderTarget(reply, headerMapOf),
    write: (reply, answer) => writeThroughReply(reply, answer, headerMapOf),
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
function writeThroughReply(reply: FastifyReply, answer: ErrorResponse, headerMapOf: HeaderMapReader): void {
  if (reply.sent) {
    writeNodeResponse(reply.raw, answer)
    return
  }
  writeErrorHeaders(new ReplyHeaderTarget(reply, headerMapOf), answer)
  const payload: string | Readable =
    reply.request.method === 'HEAD' && answer.status !== 204 ? emptyHeadPayload() : answer.body
  // A route's own `reply.serializer()` would be applied to this string too: the body is final.
  reply.serializer(sendAsIs).code(answer.status).send(payload)
}

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

/** Fastify's own header map of a reply, or `undefined` when this Fastify keeps it out of reach. */
type HeaderMapReader = (reply: FastifyReply) => Readonly<Record<string, unknown>> | undefined

/**
 * The description of the symbol under which Fastify 4 and 5 keep a reply's headers: the ones set
 * with `reply.header()`, which Node's response gets only at `writeHead`.
 */
const REPLY_HEADERS = 'fastify.reply.headers'

/**
 * Finds Fastify's header map once, on the first reply of the app (each Fastify copy has its own
 * symbol), then only reads it. Its names are what `reply.getHeaders()` would copy both maps into a
 * new object for, on every error answer; a Fastify without such a map gets that copy instead.
 */
function replyHeaderMapReader(): HeaderMapReader {
  let key: symbol | null | undefined
  return (reply) => {
    if (key === undefined) key = findHeaderMapKey(reply)
    return key === null ? undefined : (reply as unknown as Record<symbol, Record<string, unknown>>)[key]
  }
}

function findHeaderMapKey(reply: FastifyReply): symbol | null {
  for (const symbol of Object.getOwnPropertySymbols(reply)) {
    const value: unknown = Reflect.get(reply, symbol)
    if (symbol.description === REPLY_HEADERS && typeof value === 'object' && value !== null) return symbol
  }
  return null
}

/**
 * Lets core's `writeErrorHeaders` work on a Fastify reply. Fastify keeps its own header map and
 * merges it over the raw response's headers at `writeHead`, so a content header the failed handler
 * set with `reply.raw.setHeader` (Content-Encoding …) would survive `reply.removeHeader` alone and
 * mislabel the error body: removal clears both.
 */
class ReplyHeaderTarget implements HeaderTarget {
  readonly #reply: FastifyReply
  readonly #headerMapOf: HeaderMapReader

  constructor(reply: FastifyReply, headerMapOf: HeaderMapReader) {
    this.#reply = reply
    this.#headerMapOf = headerMapOf
  }

  /** The names in Fastify's map and on the raw response: usually none, read without a copy. */
  getHeaderNames(): readonly string[] {
    const own = this.#headerMapOf(this.#reply)
    if (own === undefined) return Object.keys(this.#reply.getHeaders())
    const names = Object.keys(own)
    const onRaw = this.#reply.raw.getHeaderNames()
    for (let i = 0; i < onRaw.length; i++) {
      const name = onRaw[i] as string
      if (!Object.hasOwn(own, name)) names.push(name)
    }
    return names
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
