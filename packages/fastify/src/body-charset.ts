import type { Lifecycle } from '@status-errors/core/adapter'
import type { FastifyInstance, FastifyReply, preParsingHookHandler, RouteOptions } from 'fastify'

/**
 * Fastify's parsers read every body as UTF-8 whatever charset it declares, so core's charset check
 * runs before parsing, as a `preParsing` hook on each route that can receive a body. Routes for
 * GET and HEAD alone get no hook: their requests pay nothing. (Requests no route matched are
 * checked by the not-found answer.)
 */
export function installBodyCharsetCheck(fastify: FastifyInstance, lifecycle: Lifecycle<FastifyReply>): void {
  // Answering from a hook: the refusal is sent, and `done` is not called, so parsing never starts.
  const refuseUnreadableBody: preParsingHookHandler = (_request, reply, payload, done) => {
    if (!lifecycle.rejectMalformedRequest(reply)) done(null, payload)
  }
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (!receivesBodies(route.method)) return
    const own = route.preParsing
    route.preParsing = own === undefined ? [refuseUnreadableBody] : [refuseUnreadableBody, ...[own].flat()]
  })
}

function receivesBodies(method: RouteOptions['method']): boolean {
  return [method].flat().some((one) => one !== 'GET' && one !== 'HEAD')
}
