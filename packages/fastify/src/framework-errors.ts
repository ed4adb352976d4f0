import { misplacedInstall, warnMisuse } from '@status-errors/core/adapter'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { installationOf } from './accepted.js'

let warnedMissingPlugin = false

/**
 * For Fastify's `frameworkErrors` server option: the errors its router raises before any hook or
 * handler runs — malformed percent-encoding in a path parameter (`FST_ERR_BAD_URL`, whose own
 * answer quotes the path), a failing async constraint, and on Fastify 5 an over-long parameter.
 * A plugin cannot reach them, so they are answered here with the documented body, through the app's
 * status-errors plugin.
 *
 * @example
 * const app = fastify({ frameworkErrors })
 * await app.register(statusErrors)
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const installation = installationOf(request.server)
  if (installation !== undefined) {
    installation.answerError(reply, error)
    return
  }
  if (!warnedMissingPlugin) {
    warnedMissingPlugin = true
    warnMisuse(
      misplacedInstall('frameworkErrors needs the status-errors plugin: await app.register(statusErrors)'),
    )
  }
  // Fastify's own answer, without the path it would quote: the router's error, as a plain 400.
  reply.code(400).type('text/plain; charset=utf-8').send('Bad Request')
}
