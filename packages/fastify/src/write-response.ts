import type { Readable } from 'node:stream'
import { type ErrorResponse, writeErrorHeaders } from '@status-errors/core'
import type { FastifyReply } from 'fastify'
import { emptyHeadPayload } from './head-payload.js'
import { ReplyHeaderTarget } from './reply-headers.js'

/**
 * Sends core's response through the reply, bytes unchanged: a string body with its content type set
 * is not serialised again. For HEAD, see `emptyHeadPayload`.
 */
export function writeResponse(reply: FastifyReply, response: ErrorResponse): void {
  writeErrorHeaders(new ReplyHeaderTarget(reply), response)
  const payload: string | Readable =
    reply.request.method === 'HEAD' && response.status !== 204 ? emptyHeadPayload() : response.body
  reply.code(response.status).send(payload)
}
