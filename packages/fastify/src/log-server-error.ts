import type { FastifyRequest } from 'fastify'

/** The default log for 5xx answers when `onError` is not given: the request's own logger. */
export function logServerError(error: unknown, request: FastifyRequest): void {
  request.log.error({ err: error }, 'status-errors: server error response')
}
