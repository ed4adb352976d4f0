import { createStatusErrors, StatusErrorsConfigError, type StatusErrorsOptions } from '@status-errors/core'
import type { FastifyInstance, FastifyPluginCallback } from 'fastify'
import { fastifyPlugin } from 'fastify-plugin'
import { acceptedMethod } from './accepted.js'
import { installDocumentedSuccess } from './documented-success.js'
import { installGuard } from './guard.js'
import { ENGINE } from './installed-engine.js'
import { logServerError } from './log-server-error.js'
import { toRequestInfo } from './request-info.js'
import { watchRouteMethods } from './route-methods.js'
import { writeResponse } from './write-response.js'

function install(
  fastify: FastifyInstance,
  options: StatusErrorsOptions,
  done: (error?: Error) => void,
): void {
  try {
    // Options are validated here, so a mistake fails `register` at startup, not a request.
    const engine = createStatusErrors(options)
    // Children inherit decorators, so a second registration anywhere in the app sees the first.
    if (fastify.hasDecorator(ENGINE)) {
      throw new StatusErrorsConfigError(
        'ERR_STATUS_ERRORS_INVALID_OPTION',
        '@status-errors/fastify is already registered on this app; register it once, at the root',
      )
    }
    fastify.decorate(ENGINE, engine)
    fastify.decorateReply('accepted', acceptedMethod)
    installGuard(fastify, engine)
    installDocumentedSuccess(fastify, engine)
    const routeMethodsOf = watchRouteMethods(fastify)

    fastify.setErrorHandler((error: unknown, request, reply) => {
      const info = toRequestInfo(request)
      // Asked only for a 405 whose error carries no Allow (RFC 9110 §15.5.6).
      const handled = engine.respondToError(error, info, () => routeMethodsOf(request, info.path))
      if (reply.sent) {
        // Hijacked or finished: the response belongs to someone else, or is over. Only report.
      } else if (reply.raw.headersSent) {
        // The handler's status and part of its body already went out: an error response cannot
        // follow, and left open the response never ends. Closing the connection mid-message is how
        // the client learns it is incomplete (RFC 9112 §8), as finalhandler does; on the next turn,
        // so the bytes Node still holds corked reach the client first.
        const response = reply.raw
        setImmediate(() => response.destroy())
      } else {
        writeResponse(reply, handled)
      }
      engine.report(handled, info, logServerError, request)
    })

    fastify.setNotFoundHandler((request, reply) => {
      const info = toRequestInfo(request)
      const handled = engine.respondToUnmatched(info, routeMethodsOf(request, info.path))
      writeResponse(reply, handled)
      engine.report(handled, info, logServerError, request)
    })
  } catch (error) {
    done(error as Error)
    return
  }
  done()
}

/**
 * The status-errors plugin. Register it once, at the root, before the routes (Fastify fixes a
 * route's error handler when the route is registered): it takes over the root error handler and
 * not-found handler, and answers with the documented statuses.
 *
 * @example
 * const app = fastify()
 * await app.register(statusErrors, { undocumented: 'collapse' })
 * app.get('/users/:id', async () => { throw httpError(404, 'No user with this id.') })
 */
export const statusErrors: FastifyPluginCallback<StatusErrorsOptions> = fastifyPlugin(install, {
  name: '@status-errors/fastify',
  fastify: '4.x || 5.x',
})
