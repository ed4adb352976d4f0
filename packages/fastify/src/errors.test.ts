import { PARSE_ERROR_DETAIL } from '@status-errors/core'
import { describe, expect, it } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { type FastifyMajor, fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/fastify.js'
import { httpError, statusErrors } from './index.js'

const JSON_REQUEST = { 'content-type': 'application/json' }

const itemSchema = {
  body: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string' } },
  },
  querystring: {
    type: 'object',
    properties: { limit: { type: 'integer' } },
  },
} as const

async function itemsApp(major: FastifyMajor): Promise<number> {
  const app = major.fastify()
  await app.register(statusErrors)
  app.post('/items', { schema: itemSchema }, async (request) => request.body)
  return serve(app)
}

const validationRows = [
  { name: 'body', path: '/items', body: '{"qty":1}', detail: "body must have required property 'name'" },
  {
    name: 'querystring',
    path: '/items?limit=many',
    body: '{"name":"a"}',
    detail: 'querystring/limit must be integer',
  },
]

describe.each(fastifyMajors)('$name', (major) => {
  describe('request errors raised by Fastify', () => {
    it.each(validationRows)(
      'answers a $name schema failure with 400 and the validation message',
      async (row) => {
        const port = await itemsApp(major)
        const response = await sendRaw(port, {
          method: 'POST',
          path: row.path,
          headers: JSON_REQUEST,
          body: row.body,
        })
        expect([response.status, response.body]).toEqual([400, jsonBody(400, row.detail)])
      },
    )

    it('answers malformed JSON with 400 and a fixed sentence, without echoing the body', async () => {
      const port = await itemsApp(major)
      const body = '{"name": "ada", "password": hunter2}'
      const response = await sendRaw(port, { method: 'POST', path: '/items', headers: JSON_REQUEST, body })
      expect([response.status, response.body]).toEqual([400, jsonBody(400, PARSE_ERROR_DETAIL.json)])
      expect(response.body).not.toContain('hunter2')
    })

    it('answers an empty JSON body with 400', async () => {
      const port = await itemsApp(major)
      const response = await sendRaw(port, {
        method: 'POST',
        path: '/items',
        headers: JSON_REQUEST,
        body: '',
      })
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
    })
  })

  describe('what goes over the wire', () => {
    it.each([
      { route: 'the HEAD route Fastify adds', exposeHeadRoutes: true },
      { route: 'an explicit HEAD route', exposeHeadRoutes: false },
    ])('sends the GET Content-Length and no body for HEAD on $route', async ({ exposeHeadRoutes }) => {
      const app = major.fastify({ exposeHeadRoutes })
      await app.register(statusErrors)
      const conflict = async () => {
        throw Object.assign(new Error('Version mismatch.'), { statusCode: 409, expose: true })
      }
      app.get('/doc', conflict)
      if (!exposeHeadRoutes) app.head('/doc', conflict)
      const port = await serve(app)
      const get = await sendRaw(port, { method: 'GET', path: '/doc' })
      const head = await sendRaw(port, { method: 'HEAD', path: '/doc' })
      expect(get.body).toBe(jsonBody(409, 'Version mismatch.'))
      expect([head.status, head.body]).toEqual([409, ''])
      expect(head.headers.get('content-length')).toEqual([String(Buffer.byteLength(get.body))])
    })

    it('sends the body as rendered even with a custom reply serializer', async () => {
      const app = major.fastify()
      await app.register(statusErrors)
      app.setReplySerializer(() => '"serialised again"')
      app.get('/boom', async () => {
        throw new Error('x')
      })
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'GET', path: '/boom' })
      expect(response.body).toBe(jsonBody(500))
      expect(response.headers.get('content-length')).toEqual([String(jsonBody(500).length)])
    })

    it('drops the failed handler’s content headers, also those set on the raw response', async () => {
      const app = major.fastify()
      await app.register(statusErrors)
      app.get('/report.csv', (_request, reply) => {
        reply.header('content-type', 'text/csv').header('content-disposition', 'attachment')
        reply.raw.setHeader('content-encoding', 'gzip')
        throw new Error('export failed')
      })
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'GET', path: '/report.csv' })
      expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
      expect(response.headers.has('content-disposition')).toBe(false)
      expect(response.headers.has('content-encoding')).toBe(false)
    })

    it('merges a Vary set on the raw response, and keeps its other headers', async () => {
      const app = major.fastify()
      await app.register(statusErrors)
      app.get('/boom', (_request, reply) => {
        reply.raw.setHeader('vary', 'Origin')
        reply.raw.setHeader('x-request-id', 'r-1')
        throw new Error('x')
      })
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'GET', path: '/boom' })
      expect(response.status).toBe(500)
      expect(response.headers.get('vary')).toEqual(['Origin, Accept'])
      expect(response.headers.get('x-request-id')).toEqual(['r-1'])
    })

    it('keeps headers set before the error and merges Vary', async () => {
      const app = major.fastify()
      await app.register(statusErrors)
      app.addHook('onRequest', async (_request, reply) => {
        reply.header('vary', 'Origin').header('access-control-allow-origin', '*')
      })
      app.get('/busy', (_request, reply) => {
        // What @fastify/under-pressure does before passing its 503 error on.
        reply.header('retry-after', '10')
        throw Object.assign(new Error('under pressure'), { statusCode: 503 })
      })
      const port = await serve(app)
      for (const path of ['/busy', '/nope']) {
        const response = await sendRaw(port, { method: 'GET', path })
        expect(response.headers.get('access-control-allow-origin'), path).toEqual(['*'])
        expect(response.headers.get('vary'), path).toEqual(['Origin, Accept'])
      }
      const busy = await sendRaw(port, { method: 'GET', path: '/busy' })
      expect([busy.status, busy.headers.get('retry-after')]).toEqual([503, ['10']])
    })
  })
})

describe.each(fastifyMajors)('$name: a route with its own serializer', (major) => {
  it('still answers the documented bytes', async () => {
    const app = major.fastify()
    await app.register(statusErrors, { onError: () => {} })
    app.get('/users/:id', async (_request, reply) => {
      reply.serializer(() => 'MSGPACK')
      throw httpError(404, 'No such user.')
    })
    const response = await sendRaw(await serve(app), { method: 'GET', path: '/users/7' })
    expect([response.status, response.body]).toEqual([404, jsonBody(404, 'No such user.')])
  })
})
