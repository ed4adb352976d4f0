import type { StatusErrors } from '@status-errors/core'
import type { FastifyInstance, FastifyReply, onSendHookHandler } from 'fastify'
import { explicitStatusReader } from './explicit-status.js'

/**
 * With `success: 'documented'`, an `onSend` hook gives core the status, whether the route set it
 * and whether there is a body, just before the response starts, and applies core's answer (201 for
 * a POST, 204 for a DELETE without a body). Added only with that option: otherwise no hook runs.
 */
export function installDocumentedSuccess(fastify: FastifyInstance, engine: StatusErrors): void {
  if (engine.options.success !== 'documented') return
  const explicitStatus = explicitStatusReader()
  let warned = false

  const onSend: onSendHookHandler<unknown> = (request, reply, payload, done) => {
    const status = reply.statusCode
    const next = engine.successStatus({
      method: request.method,
      status,
      explicit: isExplicit(reply),
      hasBody: hasBody(payload),
    })
    if (next === status) return done(null, payload)
    reply.code(next)
    if (next !== 204) return done(null, payload)
    // RFC 9110 §15.3.5 and §8.6: a 204 has no content, so nothing may describe one.
    dropContentHeaders(reply)
    return done(null, null)
  }

  /** Unknown counts as explicit: the route's status is never overridden on a guess. */
  function isExplicit(reply: FastifyReply): boolean {
    const explicit = explicitStatus(reply)
    if (explicit !== undefined) return explicit
    if (!warned) {
      warned = true
      fastify.log.warn(
        'status-errors: this Fastify version does not tell an explicit status from the default one; success: "documented" leaves statuses as they are',
      )
    }
    return true
  }
  fastify.addHook('onSend', onSend)
}

function hasBody(payload: unknown): boolean {
  if (payload === undefined || payload === null || payload === '') return false
  return !(Buffer.isBuffer(payload) && payload.length === 0)
}

function dropContentHeaders(reply: FastifyReply): void {
  for (const name of ['content-type', 'content-length']) {
    reply.removeHeader(name)
    reply.raw.removeHeader(name)
  }
}
