import { validate } from '@readme/openapi-parser'
import { frameworkErrors, httpError, openApi, statusErrors } from '@status-errors/fastify'
import swagger8 from 'fastify-swagger8'
import swagger9 from 'fastify-swagger9'
import { describe, expect, it } from 'vitest'
import { jsonBody } from './cases/documented-bodies.js'
import { fastifyMajors } from './harnesses/fastify.js'
import { sendRaw } from './http-client.js'

/** @fastify/swagger 8 serves Fastify 4, 9 serves Fastify 5. */
const SWAGGER = { 'fastify 4': swagger8, 'fastify 5': swagger9 } as const

/** A route schema as @fastify/swagger users write them, with an error schema of their own. */
const SCHEMA = {
  params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  response: {
    200: { type: 'object', properties: { id: { type: 'string' } } },
    // Would drop title and description if Fastify serialised status-errors' bodies with it.
    404: { type: 'object', properties: { status: { type: 'integer' } } },
  },
} as const

describe.each(fastifyMajors)('$name with @fastify/swagger', (major) => {
  async function appWithSwagger() {
    const app = major.fastify({ frameworkErrors })
    await app.register(SWAGGER[major.name] as never, {
      openapi: { info: { title: 'Users', version: '1.0.0' } },
    })
    await app.register(statusErrors, { onError: () => {} })
    app.get('/users/:id', { schema: SCHEMA }, async (request) => {
      const { id } = request.params as { id: string }
      if (id !== '1') throw httpError(404, `No user with id ${id}.`)
      return { id }
    })
    await app.ready()
    return app
  }

  it("completes app.swagger(), keeping the route schema's own responses, into a valid document", async () => {
    const app = await appWithSwagger()
    try {
      const { document, drift } = openApi(app, app.swagger() as never)
      const item = document.paths?.['/users/{id}'] as
        | { get: { responses: Record<string, unknown> } }
        | undefined
      const responses = item?.get.responses ?? {}
      expect(responses['404']).toMatchObject({
        content: { 'application/json': { schema: { type: 'object' } } },
      })
      expect(responses['500']).toEqual({ $ref: '#/components/responses/StatusErrors500' })
      expect(drift).toEqual({ unrouted: [], undocumented: [], unknownStatuses: [] })
      const result = await validate(structuredClone(document) as never)
      expect(result.valid, JSON.stringify(result)).toBe(true)
    } finally {
      await app.close()
    }
  })

  it('leaves the bytes of the answer alone although the route declares an error schema', async () => {
    const app = await appWithSwagger()
    try {
      await app.listen({ port: 0, host: '127.0.0.1' })
      const { port } = app.server.address() as { port: number }
      const response = await sendRaw(port, { method: 'GET', path: '/users/7' })
      expect([response.status, response.body]).toEqual([404, jsonBody(404, 'No user with id 7.')])
    } finally {
      await app.close()
    }
  })
})
