import type { RequestInfo } from '@status-errors/core'
import type { FastifyRequest } from 'fastify'

/** The request facts core needs. `request.url` carries the query string, which core's path must not. */
export function toRequestInfo(request: FastifyRequest): RequestInfo {
  const url = request.url
  const queryStart = url.indexOf('?')
  return {
    method: request.method,
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    accept: request.headers.accept,
  }
}
