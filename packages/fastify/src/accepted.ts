import type { AcceptedOptions } from '@status-errors/core'
import { type Lifecycle, misplacedInstall } from '@status-errors/core/adapter'
import type { FastifyInstance, FastifyReply } from 'fastify'

/**
 * Where the plugin keeps its installation: a decorator on the root instance, which every
 * encapsulated child inherits, so a reply reaches it through `reply.server` for free.
 * `Symbol.for`, so two copies of this package still see each other's installation.
 */
export const INSTALLATION = Symbol.for('@status-errors/fastify.installation')

/** The installation of the app `server` belongs to, if the plugin is registered. */
export function installationOf(server: FastifyInstance | undefined): Lifecycle<FastifyReply> | undefined {
  return (server as { readonly [INSTALLATION]?: Lifecycle<FastifyReply> } | undefined)?.[INSTALLATION]
}

/**
 * Answers 202 Accepted for work that continues in the background (RFC 9110 §15.3.3), with the
 * documented, negotiated body and an optional `Location`, through the app's status-errors plugin.
 * Throws a TypeError for invalid options (a `location` that is empty or has CR, LF or NUL), and a
 * `StatusErrorsConfigError` when the plugin is not registered. Writes nothing when the response has
 * already started (a timeout answered). Also available as `reply.accepted()`.
 *
 * @example
 * app.post('/exports', async (request, reply) => {
 *   const job = await queue.add(request.body)
 *   return accepted(reply, { location: `/exports/${job.id}` })
 * })
 */
export function accepted(reply: FastifyReply, options?: AcceptedOptions): FastifyReply {
  const installation = installationOf(reply.server)
  if (installation === undefined) {
    throw misplacedInstall('accepted(reply) needs the status-errors plugin: await app.register(statusErrors)')
  }
  installation.answerAccepted(reply, options)
  return reply
}

/** `reply.accepted(options)`, a reply decorator: a prototype method, nothing per request. */
export function acceptedMethod(this: FastifyReply, options?: AcceptedOptions): FastifyReply {
  return accepted(this, options)
}

declare module 'fastify' {
  interface FastifyReply {
    /** `accepted(reply, options)` as a reply method, where the status-errors plugin is registered. */
    accepted(options?: AcceptedOptions): FastifyReply
  }
}
