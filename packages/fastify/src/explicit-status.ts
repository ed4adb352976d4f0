import type { FastifyReply } from 'fastify'

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
