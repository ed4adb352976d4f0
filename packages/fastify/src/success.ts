import type { Lifecycle } from '@status-errors/core/adapter'
import type { FastifyInstance, FastifyReply, onSendHookHandler } from 'fastify'

/**
 * With `success: 'documented'`, an `onSend` hook gives core the status, whether the route set it
 * and the payload, just before the response starts, and applies core's answer (201 for a POST, 204
 * for a DELETE without a body; core removes a 204's content headers). Added only with that option:
 * otherwise no hook runs.
 */
export function installDocumentedSuccess(fastify: FastifyInstance, lifecycle: Lifecycle<FastifyReply>): void {
  if (!lifecycle.rewritesSuccess) return
  const explicitStatus = explicitStatusReader()
  let warned = false

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

  const onSend: onSendHookHandler<unknown> = (request, reply, payload, done) => {
    const status = reply.statusCode
    const next = lifecycle.successStatus(reply, request.method, {
      status,
      explicit: isExplicit(reply),
      body: payload,
    })
    if (next === status) return done(null, payload)
    reply.code(next)
    return done(null, next === 204 ? null : payload)
  }
  fastify.addHook('onSend', onSend)
}

/**
 * The description of the symbol Fastify 4 and 5 set on a reply when `reply.code()` runs (and so
 * `reply.status()` and the `reply.statusCode` setter): Fastify's own error handler reads it to keep
 * an explicit status. No public API tells an explicit `reply.code(200)` from the default 200.
 */
const HAS_STATUS_CODE = 'fastify.reply.hasStatusCode'

/** Reads "did the route set the status?"; `undefined` when this Fastify has no such flag. */
export type ExplicitStatusReader = (reply: FastifyReply) => boolean | undefined

type Flags = Record<symbol, unknown>

/**
 * Finds Fastify's flag once, on the first reply (each Fastify copy has its own symbol, so this is
 * per app, not per process), then only reads it. When a Fastify version has no such flag, every
 * read answers `undefined`, and the caller leaves the status alone.
 */
export function explicitStatusReader(): ExplicitStatusReader {
  let flag: symbol | null | undefined
  return (reply) => {
    if (flag === undefined) flag = findFlag(reply)
    if (flag === null) return undefined
    return (reply as unknown as Flags)[flag] === true
  }
}

/**
 * Fastify sets the flag only once `code()` ran, so it is not on a fresh reply: run the reply's own
 * `code` on a stand-in and see which flag it sets. A Fastify whose `code` needs more than `raw`,
 * or sets no such flag, gives `null`.
 */
function findFlag(reply: FastifyReply): symbol | null {
  const standIn: Flags & { raw: { statusCode: number } } = { raw: { statusCode: 200 } }
  try {
    reply.code.call(standIn, 200)
  } catch {
    return null
  }
  const flag = Object.getOwnPropertySymbols(standIn).find(
    (symbol) => symbol.description === HAS_STATUS_CODE && standIn[symbol] === true,
  )
  return flag ?? null
}
