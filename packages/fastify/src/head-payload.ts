import { Readable } from 'node:stream'

/**
 * The payload for an error answer to HEAD. Core's body is '' and its Content-Length is the GET
 * body's (RFC 9110 §9.3.2, §8.6), but the HEAD route Fastify adds for a GET route measures a string
 * payload in an onSend hook and would send `Content-Length: 0`. A stream payload it leaves measured
 * as it was, and so does Fastify's own send for HEAD. Only HEAD error answers pay this allocation.
 */
export function emptyHeadPayload(): Readable {
  const payload = new Readable({ read() {} })
  payload.push(null)
  return payload
}
