import type { FastifyReply } from 'fastify'
import { describe, expect, it } from 'vitest'
import { createFastifyPort } from './port.js'

const NO_ROUTES = () => ({ pathMethods: new Set<string>(), appMethods: undefined })

/**
 * A reply of a Fastify that keeps its headers out of reach (no `fastify.reply.headers` symbol):
 * what `reply.getHeaders()` and the raw response say is all there is.
 */
function replyWithoutHeaderMap(headers: Record<string, string>, onRaw: Record<string, string>): FastifyReply {
  const reply = {
    getHeaders: () => ({ ...onRaw, ...headers }),
    raw: { getHeaderNames: () => Object.keys(onRaw) },
  }
  return reply as unknown as FastifyReply
}

describe('the Fastify port’s header target', () => {
  it('takes the names from reply.getHeaders() when Fastify keeps no header map of its own', () => {
    const port = createFastifyPort(NO_ROUTES)
    const reply = replyWithoutHeaderMap({ 'content-type': 'text/csv' }, { etag: '"x"' })
    expect([...port.headers(reply).getHeaderNames()].sort()).toEqual(['content-type', 'etag'])
  })
})
