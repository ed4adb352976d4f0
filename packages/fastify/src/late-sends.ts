import type { FastifyReply } from 'fastify'

function sendNothing(this: FastifyReply): FastifyReply {
  return this
}

/**
 * After a timeout answered straight on Node's response (core made Node's writes no-ops), the route
 * is still running and will end with `reply.send` or by returning a value. `hijack()` tells Fastify
 * the response is handled elsewhere: a value returned late is dropped, and Fastify 5's own
 * `handlerTimeout` timer is cleared. An own `send` that does nothing keeps a late `reply.send` (or
 * the body parser failing as the connection closes after a 408) from a "Reply was already sent"
 * warning: only one response is ever written, and the timeout was already reported. This runs
 * only on the timeout path.
 */
export function ignoreLateSends(reply: FastifyReply): void {
  reply.hijack()
  reply.send = sendNothing
}
