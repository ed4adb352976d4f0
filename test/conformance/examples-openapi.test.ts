import { validate } from '@readme/openapi-parser'
import { openApi as expressOpenApi } from '@status-errors/express'
import { openApi as koaOpenApi } from '@status-errors/koa'
import { describe, expect, it } from 'vitest'
import { createExpressApp } from '../../examples/express/server.js'
import { createFastifyApp } from '../../examples/fastify/server.js'
import { createKoaApp } from '../../examples/koa/server.js'
import { BASE_OPENAPI } from '../../examples/users.js'
import { listen as listenExpress } from './harnesses/express.js'
import { listen as listenFastify } from './harnesses/fastify.js'
import { listen as listenKoa } from './harnesses/koa.js'
import { sendRaw } from './http-client.js'

const quiet = () => undefined

/** Each example app, started on a free port. */
const EXAMPLES = [
  { name: 'express', start: () => listenExpress(createExpressApp(undefined, quiet)) },
  { name: 'koa', start: () => listenKoa(createKoaApp(undefined, quiet)) },
  { name: 'fastify', start: async () => listenFastify(await createFastifyApp(undefined, quiet)) },
]

describe('the examples serve their completed OpenAPI document', () => {
  const served = new Map<string, string>()

  it.each(EXAMPLES)('$name: GET /openapi.json validates', async ({ name, start }) => {
    const app = await start()
    try {
      const response = await sendRaw(app.port, { method: 'GET', path: '/openapi.json' })
      expect(response.status).toBe(200)
      const result = await validate(JSON.parse(response.body))
      expect(result.valid, JSON.stringify(result)).toBe(true)
      served.set(name, response.body)
    } finally {
      await app.close()
    }
  })

  it('is the same document on all three frameworks', () => {
    expect(served.size).toBe(3)
    expect(new Set(served.values()).size).toBe(1)
  })

  it('has no drift from the hand-written document', () => {
    for (const drift of [
      expressOpenApi(createExpressApp(undefined, quiet), BASE_OPENAPI).drift,
      koaOpenApi(createKoaApp(undefined, quiet), BASE_OPENAPI).drift,
    ]) {
      expect(drift).toEqual({ unrouted: [], undocumented: [], unknownStatuses: [] })
    }
  })
})
