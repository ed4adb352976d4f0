import type { FastifyReply } from 'fastify'
import { engineOf } from './installed-engine.js'
import { toRequestInfo } from './request-info.js'
import { writeResponse } from './write-response.js'

export interface AcceptedOptions {
  /** Where the client can follow the work (RFC 9110 §15.3.3); a URI reference on one line. */
  readonly location?: string
}

/**
 * Answers 202 Accepted for work that continues in the background (RFC 9110 §15.3.3), with the
 * documented, negotiated body and an optional `Location`. It uses the options of the app's
 * status-errors plugin; on an app without the plugin, the default options. Throws a TypeError for
 * an invalid `location` (empty, or with CR, LF or NUL). Also available as `reply.accepted()` where
 * the plugin is registered.
 *
 * @example
 * app.post('/exports', async (request, reply) => {
 *   const job = await queue.add(request.body)
 *   return accepted(reply, { location: `/exports/${job.id}` })
 * })
 */
export function accepted(reply: FastifyReply, options?: AcceptedOptions): FastifyReply {
  const response = engineOf(reply.server).respondToAccepted(toRequestInfo(reply.request), options?.location)
  writeResponse(reply, response)
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
