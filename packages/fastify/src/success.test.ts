import type { FastifyReply, RouteHandlerMethod } from 'fastify'
import { describe, expect, it } from 'vitest'
import { fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { type RawResponse, sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/fastify.js'
import { statusErrors } from './index.js'

/** The parts of a response these rows compare. */
function summary(response: RawResponse) {
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? null,
    contentLength: response.headers.get('content-length') ?? null,
    body: response.body,
  }
}

const rows: readonly {
  readonly name: string
  readonly method: string
  readonly handler: RouteHandlerMethod
  readonly status: number
}[] = [
  {
    name: 'an explicit reply.code(200) on POST',
    method: 'POST',
    handler: (_request, reply) => reply.code(200).send({ id: 7 }),
    status: 200,
  },
  {
    name: 'an explicit reply.status(200) on POST',
    method: 'POST',
    handler: (_request, reply) => reply.status(200).send({ id: 7 }),
    status: 200,
  },
  {
    name: 'an explicit reply.statusCode = 200 on POST',
    method: 'POST',
    handler: async (_request, reply) => {
      reply.statusCode = 200
      return { id: 7 }
    },
    status: 200,
  },
  {
    name: 'a POST answered by returning a value',
    method: 'POST',
    handler: async () => ({ id: 7 }),
    status: 201,
  },
  {
    name: 'a POST that answers with a Buffer',
    method: 'POST',
    handler: async (_request, reply) => reply.send(Buffer.from('{"id":7}')),
    status: 201,
  },
  {
    name: 'an explicit reply.code(200) on DELETE without a body',
    method: 'DELETE',
    handler: (_request, reply) => reply.code(200).send(),
    status: 200,
  },
  {
    name: 'an explicit 202 on POST',
    method: 'POST',
    handler: (_request, reply) => reply.code(202).send({ queued: true }),
    status: 202,
  },
]

describe.each(fastifyMajors)('$name', (major) => {
  async function documentedApp(path: string, method: string, handler: RouteHandlerMethod) {
    const app = major.fastify()
    await app.register(statusErrors, { success: 'documented' })
    app.route({ method, url: path, handler })
    return serve(app)
  }

  it.each(rows)('answers $status for $name', async ({ method, handler, status }) => {
    const port = await documentedApp('/things', method, handler)
    expect((await sendRaw(port, { method, path: '/things' })).status).toBe(status)
  })

  it.each([
    {
      name: 'reply.send() after setting a content type',
      handler: ((_request, reply) => reply.type('application/json').send()) as RouteHandlerMethod,
    },
    { name: "reply.send('')", handler: ((_request, reply) => reply.send('')) as RouteHandlerMethod },
    {
      name: 'an async handler that returns nothing',
      handler: (async (_request, reply: FastifyReply) => {
        reply.header('x-deleted', '7')
      }) as RouteHandlerMethod,
    },
  ])('answers a DELETE that ends with $name with a bare 204', async ({ handler }) => {
    const port = await documentedApp('/things/7', 'DELETE', handler)
    const response = await sendRaw(port, { method: 'DELETE', path: '/things/7' })
    expect(summary(response)).toEqual({ status: 204, contentType: null, contentLength: null, body: '' })
  })

  it('keeps the Location a POST route set on its 201', async () => {
    const port = await documentedApp('/things', 'POST', async (_request, reply) => {
      reply.header('location', '/things/7')
      return { id: 7 }
    })
    const response = await sendRaw(port, { method: 'POST', path: '/things' })
    expect([response.status, response.headers.get('location'), response.body]).toEqual([
      201,
      ['/things/7'],
      '{"id":7}',
    ])
  })

  it('leaves error answers, unmatched requests and HEAD alone', async () => {
    const app = major.fastify()
    await app.register(statusErrors, { success: 'documented' })
    app.post('/boom', async () => {
      throw new Error('x')
    })
    app.get('/page', async () => 'page')
    const port = await serve(app)
    const statuses = [
      (await sendRaw(port, { method: 'POST', path: '/boom' })).status,
      (await sendRaw(port, { method: 'DELETE', path: '/nope' })).status,
      (await sendRaw(port, { method: 'HEAD', path: '/page' })).status,
    ]
    expect(statuses).toEqual([500, 404, 200])
  })

  it('keeps the default 200 for a POST without the option', async () => {
    const app = major.fastify()
    await app.register(statusErrors)
    app.post('/things', async () => ({ id: 7 }))
    const port = await serve(app)
    expect((await sendRaw(port, { method: 'POST', path: '/things' })).status).toBe(200)
  })
})
