import type { StatusErrorsOptions } from '@status-errors/core'
import { createLifecycle, createStatusErrors, misplacedInstall } from '@status-errors/core/adapter'
import type { FastifyInstance, FastifyPluginCallback, onRequestHookHandler } from 'fastify'
import { fastifyPlugin } from 'fastify-plugin'
import { acceptedMethod, INSTALLATION, installationOf } from './accepted.js'
import { installBodyCharsetCheck } from './body-charset.js'
import { installFrameworkErrors } from './framework-errors.js'
import { recordLiveRoutes } from './openapi.js'
import { assertPlacement } from './placement.js'
import { createFastifyPort } from './port.js'
import { watchRouteMethods } from './routes.js'
import { installSendFailureAnswer } from './send-failure.js'
import { installDocumentedSuccess } from './success.js'

/** `request.timeoutSignal` as the hook sets it; users see it read-only (declared at the end of this file). */
type SignalledRequest = { timeoutSignal: AbortSignal | undefined }

function install(
  fastify: FastifyInstance,
  options: StatusErrorsOptions,
  done: (error?: Error) => void,
): void {
  try {
    // Children inherit decorators, so a second registration anywhere in the app sees the first.
    if (installationOf(fastify) !== undefined) {
      throw misplacedInstall(
        '@status-errors/fastify is already registered on this app; register it once, at the root',
      )
    }
    assertPlacement(fastify)
    // Options are validated here, so a mistake fails `register` at startup, not a request.
    const engine = createStatusErrors(options)
    const lifecycle = createLifecycle(engine, createFastifyPort(watchRouteMethods(fastify)))
    fastify.decorate(INSTALLATION, lifecycle)
    recordLiveRoutes(fastify, lifecycle)
    fastify.decorateReply('accepted', acceptedMethod)

    if (lifecycle.actsBeforeRoute) {
      if (engine.options.handlerTimeout !== undefined) {
        // Declared on the request shape, so setting it does not change the object's layout per request.
        fastify.decorateRequest('timeoutSignal', undefined)
      }
      // `onRequest` runs before the body is read, so the body timer covers its whole arrival
      // (RFC 9110 §15.5.9), and for unmatched requests too.
      const beforeRoute: onRequestHookHandler = (request, reply, next) => {
        // Answering from a hook: the refusal is sent, and `next` is not called, so the route never runs.
        if (!lifecycle.admit(reply)) return
        const signal = lifecycle.startTimers(reply)
        if (signal !== undefined) (request as unknown as SignalledRequest).timeoutSignal = signal
        next()
      }
      fastify.addHook('onRequest', beforeRoute)
    }
    installBodyCharsetCheck(fastify, lifecycle)
    installDocumentedSuccess(fastify, lifecycle)
    installFrameworkErrors(fastify)
    fastify.setErrorHandler((error: unknown, _request, reply) => lifecycle.answerError(reply, error))
    installSendFailureAnswer(fastify, lifecycle)
    fastify.setNotFoundHandler((_request, reply) => lifecycle.answerUnmatched(reply))
  } catch (error) {
    done(error as Error)
    return
  }
  done()
}

/**
 * The status-errors plugin. Register it once, at the root, before any route (Fastify fixes a
 * route's error handler when the route is registered): it takes over the error handler and the
 * not-found handler, and answers with the documented statuses. Registered after routes or inside
 * a prefixed plugin, it fails startup with a `StatusErrorsConfigError` that names the fix.
 *
 * @example
 * const app = fastify({ frameworkErrors })
 * await app.register(statusErrors, { undocumented: 'collapse' })
 * app.get('/users/:id', async () => { throw httpError(404, 'No user with this id.') })
 */
export const statusErrors: FastifyPluginCallback<StatusErrorsOptions> = fastifyPlugin(install, {
  name: '@status-errors/fastify',
  fastify: '4.x || 5.x',
})

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * With `timeout.handler`: aborts when the handler timeout answers for the route (or when the
     * client goes away). Pass it to fetch, database calls … to stop work nobody waits for any more.
     * `undefined` without `timeout.handler`. (Fastify 5's `request.signal` is its own
     * `handlerTimeout`'s.)
     */
    readonly timeoutSignal: AbortSignal | undefined
  }
}
