import type { FastifyReply } from 'fastify'
import { describe, expect, it } from 'vitest'
import { fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { explicitStatusReader } from './success.js'

/** A reply whose `code` behaves as given: what a Fastify version without the flag could look like. */
function replyWithCode(code: (this: Record<string, unknown>, status: number) => unknown): FastifyReply {
  return { code } as unknown as FastifyReply
}

describe('explicitStatusReader', () => {
  it.each([
    {
      name: 'sets no flag',
      code: function (this: Record<string, unknown>) {
        return this
      },
    },
    {
      name: 'needs more than raw',
      code: function (this: Record<string, unknown>) {
        throw new TypeError(`cannot read request of ${String(this)}`)
      },
    },
    {
      name: 'sets a flag with another name',
      code: function (this: Record<symbol, unknown>) {
        this[Symbol('fastify.reply.somethingElse')] = true
        return this
      },
    },
  ])('answers undefined when code() $name', ({ code }) => {
    const read = explicitStatusReader()
    const reply = replyWithCode(code)
    expect([read(reply), read(reply)]).toEqual([undefined, undefined])
  })

  it.each(fastifyMajors)('reads the flag of $name before and after reply.code()', async (major) => {
    const app = major.fastify()
    const read = explicitStatusReader()
    const seen: (boolean | undefined)[] = []
    app.get('/', async (_request, reply) => {
      seen.push(read(reply))
      reply.code(200)
      seen.push(read(reply))
      return 'ok'
    })
    await app.inject({ method: 'GET', url: '/' })
    await app.close()
    expect(seen).toEqual([false, true])
  })
})
