import type { HeaderTarget } from '@status-errors/core'
import type { FastifyReply } from 'fastify'

/**
 * Lets core's `writeErrorHeaders` work on a Fastify reply. Fastify keeps its own header map and
 * merges it over the raw response's headers at `writeHead`, so a content header the failed handler
 * set with `reply.raw.setHeader` (Content-Encoding …) would survive `reply.removeHeader` alone and
 * mislabel the error body: removal clears both.
 */
export class ReplyHeaderTarget implements HeaderTarget {
  readonly #reply: FastifyReply

  constructor(reply: FastifyReply) {
    this.#reply = reply
  }

  /** Fastify's own headers merged over the raw response's, so both kinds are seen. */
  getHeaderNames(): readonly string[] {
    return Object.keys(this.#reply.getHeaders())
  }

  getHeader(name: string): unknown {
    return this.#reply.getHeader(name)
  }

  setHeader(name: string, value: string | readonly string[]): void {
    this.#reply.header(name, value)
  }

  removeHeader(name: string): void {
    this.#reply.removeHeader(name)
    this.#reply.raw.removeHeader(name)
  }
}
