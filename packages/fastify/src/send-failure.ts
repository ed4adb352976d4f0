import type { Lifecycle } from '@status-errors/core/adapter'
import type { FastifyInstance, FastifyReply } from 'fastify'

/** The part of Fastify's error-handler chain this reads: a link, its handler, and the link above. */
interface ErrorHandlerLink {
  func?: (error: unknown, request: unknown, reply: FastifyReply) => unknown
}

/**
 * When an `onSend` hook fails while an answer is being sent, Fastify hands the hook's error to the
 * next error handler up the chain, not to the one that sent. Above status-errors' handler that is
 * Fastify's default handler, which sends the hook's message to the client (and, should the hook
 * fail again, its fallback writes it straight out). A link of status-errors' own is put between
 * them: it writes the documented 500 straight to Node's response, past the hooks that failed.
 *
 * The chain is Fastify's internal `fastify.errorHandler` symbol, whose links inherit from each
 * other (the same in Fastify 4 and 5); without it nothing changes. Call after `setErrorHandler`.
 */
export function installSendFailureAnswer(fastify: FastifyInstance, lifecycle: Lifecycle<FastifyReply>): void {
  const handler = readErrorHandler(fastify)
  if (handler === undefined) return
  const link: ErrorHandlerLink = Object.create(Object.getPrototypeOf(handler) as object | null)
  link.func = function statusErrorsSendFailure(error, _request, reply) {
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
