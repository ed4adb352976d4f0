import { CONTENT_HEADERS, type Lifecycle, STATUS_HEADERS } from '@status-errors/core/adapter'
import type { FastifyInstance, FastifyReply } from 'fastify'

/** A link of Fastify's error-handler chain: its handler; the next link is its prototype. */
interface ErrorHandlerLink {
  func?: (error: unknown, request: unknown, reply: FastifyReply) => unknown
}

/**
 * When an `onSend` hook fails while an answer is being sent, Fastify hands the hook's error to the
 * next error handler up the chain, not to the one that sent. Above status-errors' handler that is
 * Fastify's default handler (or, on Fastify 4, a root handler set before the plugin, which the
 * plugin's own replaced), and the default sends the hook's message to the client; should the hook
 * fail again, its fallback writes the message straight out. A link of status-errors' own is put
 * between them: it writes the documented 500 straight to Node's response, past the hooks that
 * failed.
 *
 * The chain is read through Fastify's internal `fastify.errorHandler` symbol, whose links inherit
 * from each other (the same in Fastify 4 and 5); without it nothing changes. Call after
 * `setErrorHandler`.
 *
 * @example
 * fastify.setErrorHandler((error, _request, reply) => lifecycle.answerError(reply, error))
 * installSendFailureAnswer(fastify, lifecycle)
 */
export function installSendFailureAnswer(fastify: FastifyInstance, lifecycle: Lifecycle<FastifyReply>): void {
  const handler = readErrorHandler(fastify)
  if (handler === undefined) return
  const link: ErrorHandlerLink = Object.create(Object.getPrototypeOf(handler) as object | null)
  link.func = function statusErrorsSendFailure(error, _request, reply) {
    carryReplyHeaders(reply)
    // Fastify must neither send nor warn about this reply any more: it is answered on Node's response.
    reply.hijack()
    lifecycle.answerSendFailure(reply, error)
  }
  Object.setPrototypeOf(handler, link)
}

function readErrorHandler(fastify: FastifyInstance): ErrorHandlerLink | undefined {
  const key = Object.getOwnPropertySymbols(fastify).find(
    (symbol) => symbol.description === 'fastify.errorHandler',
  )
  const handler: unknown = key === undefined ? undefined : Reflect.get(fastify, key)
  return typeof handler === 'object' && handler !== null && typeof Reflect.get(handler, 'func') === 'function'
    ? (handler as ErrorHandlerLink)
    : undefined
}

/**
 * Headers the 500 does not take over from the answer whose sending failed: its content headers,
 * the status headers (core's `STATUS_HEADERS`, none of which belongs to a 500), and the
 * `Connection: close` of a 408.
 */
const LEFT_BEHIND: ReadonlySet<string> = new Set([...CONTENT_HEADERS, ...STATUS_HEADERS, 'connection'])

/**
 * Fastify keeps the headers set with `reply.header()` (CORS, request ids, cookies) in a map of its
 * own and gives them to Node's response only when it writes the head, which this answer skips:
 * they are put on Node's response first. A value Node refuses is left out, as Fastify's own
 * fallback does.
 */
function carryReplyHeaders(reply: FastifyReply): void {
  const raw = reply.raw
  if (raw.headersSent) return
  const headers = reply.getHeaders()
  for (const name of Object.keys(headers)) {
    const value = headers[name]
    if (value === undefined || LEFT_BEHIND.has(name)) continue
    try {
      raw.setHeader(name, value)
    } catch {
      // An invalid value: the answer goes out without it.
    }
  }
}
