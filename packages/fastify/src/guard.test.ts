import { describe, expect, it } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { logCollector, serve } from '../../../test/support/fastify.js'
import { statusErrors } from './index.js'

describe.each(fastifyMajors)('$name', (major) => {
  describe('refusals before the route', () => {
    it('refuses routes added before the plugin ran, after it, and unmatched paths alike', async () => {
      const app = major.fastify()
      let ran = 0
      const registered = app.register(statusErrors, { maintenance: true })
      app.get('/early', async () => ++ran)
      await registered
      app.get('/late', async () => ++ran)
      const port = await serve(app)
      for (const path of ['/early', '/late', '/nope']) {
        const response = await sendRaw(port, { method: 'GET', path })
        expect([response.status, response.body], path).toEqual([503, jsonBody(503)])
      }
      expect(ran).toBe(0)
    })

    it('answers HEAD with the GET Content-Length and no body', async () => {
      const app = major.fastify()
      await app.register(statusErrors, { maintenance: true })
      app.get('/page', async () => 'page')
      const port = await serve(app)
      const head = await sendRaw(port, { method: 'HEAD', path: '/page' })
      expect([head.status, head.body, head.headers.get('content-length')]).toEqual([
        503,
        '',
        [String(jsonBody(503).length)],
      ])
    })

    it('asks a maintenance function on every request', async () => {
      let down = false
      const app = major.fastify()
      await app.register(statusErrors, { maintenance: () => down })
      app.get('/x', async () => 'ok')
      const port = await serve(app)
      const before = (await sendRaw(port, { method: 'GET', path: '/x' })).status
      down = true
      const during = await sendRaw(port, { method: 'GET', path: '/x' })
      expect([before, during.status, during.headers.get('retry-after')]).toEqual([200, 503, ['30']])
    })

    it('refuses an unacceptable Accept with 406 and lets a missing Accept through', async () => {
      const app = major.fastify()
      await app.register(statusErrors, { produces: ['application/json'] })
      app.get('/x', async () => ({ ok: true }))
      const port = await serve(app)
      const refused = await sendRaw(port, { method: 'GET', path: '/x', headers: { accept: 'image/png' } })
      const open = await sendRaw(port, { method: 'GET', path: '/x' })
      expect([refused.status, refused.body]).toEqual([
        406,
        jsonBody(406, 'Available media types: application/json.'),
      ])
      expect(open.status).toBe(200)
    })

    it('does not log refusals as server faults', async () => {
      const log = logCollector()
      const app = major.fastify({ logger: { level: 'error', stream: log.stream } })
      await app.register(statusErrors, { maintenance: true })
      app.get('/x', async () => 'ok')
      const port = await serve(app)
      expect((await sendRaw(port, { method: 'GET', path: '/x' })).status).toBe(503)
      expect(log.records).toEqual([])
    })

    it('reports a refusal to onError', async () => {
      const seen: unknown[] = []
      const app = major.fastify()
      await app.register(statusErrors, {
        produces: ['application/json'],
        onError: (_error, info) => seen.push(info),
      })
      app.get('/x', async () => 'ok')
      const port = await serve(app)
      await sendRaw(port, { method: 'GET', path: '/x?q=1', headers: { accept: 'text/html' } })
      expect(seen).toEqual([{ status: 406, reason: 'refused', method: 'GET', path: '/x' }])
    })
  })
})
