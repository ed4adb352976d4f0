import type { preParsingHookHandler } from 'fastify'
import { describe, expect, it } from 'vitest'
import { fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/fastify.js'
import { frameworkErrors, statusErrors } from './index.js'

const LATIN1_JSON = {
  headers: { 'content-type': 'application/json; charset=latin1' },
  body: '{"name":"ada"}',
} as const

describe.each(fastifyMajors)('the charset check on $name', ({ fastify }) => {
  it("adds its preParsing hook to routes that take bodies only, before the route's own hooks", async () => {
    const app = fastify({ frameworkErrors })
    await app.register(statusErrors)
    const hooks = new Map<string, number>()
    app.addHook('onRoute', (route) => {
      hooks.set(`${[route.method].flat().join(',')} ${route.url}`, [route.preParsing ?? []].flat().length)
    })
    const seen: string[] = []
    const own: preParsingHookHandler = (_request, _reply, payload, done) => {
      seen.push('own hook')
      done(null, payload)
    }
    app.get('/users', async () => [])
    app.post('/users', { preParsing: own }, async (request) => request.body)
    app.route({ method: ['GET', 'PUT'], url: '/both', handler: async () => 'ok' })
    await app.ready()
    // onRoute hooks run in the order added: the plugin's ran before the test's.
    expect(hooks).toEqual(
      new Map([
        ['GET /users', 0],
        ['HEAD /users', 0],
        ['POST /users', 2],
        ['GET,PUT /both', 1],
        ['HEAD /both', 0],
      ]),
    )

    const port = await serve(app)
    const refused = await sendRaw(port, { method: 'POST', path: '/users', ...LATIN1_JSON })
    expect(refused.status).toBe(400)
    expect(seen, 'the refusal ends the hook chain').toEqual([])
    const read = await sendRaw(port, {
      method: 'POST',
      path: '/users',
      ...LATIN1_JSON,
      headers: { 'content-type': 'application/json' },
    })
    expect({ status: read.status, body: read.body }).toEqual({ status: 200, body: '{"name":"ada"}' })
    expect(seen).toEqual(['own hook'])
  })
})
