import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { engineOf } from './installed-engine.js'
import { logServerError } from './log-server-error.js'
import { toRequestInfo } from './request-info.js'
import { writeResponse } from './write-response.js'

/**
 * For Fastify's `frameworkErrors` server option: the errors its router raises before any hook or
 * handler runs — malformed percent-encoding in a path parameter (`FST_ERR_BAD_URL`, whose own
 * answer quotes the path), a failing async constraint, and on Fastify 5 an over-long parameter.
 * A plugin cannot reach them, so they are answered here with the documented body, through the
 * options of the app's status-errors plugin (the default options if it is not registered).
 *
 * @example
 * const app = fastify({ frameworkErrors })
 * await app.register(statusErrors)
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const engine = engineOf(request.server)
  const info = toRequestInfo(request)
  const handled = engine.respondToError(error, info)
  writeResponse(reply, handled)
  engine.report(handled, info, logServerError, request)
}
