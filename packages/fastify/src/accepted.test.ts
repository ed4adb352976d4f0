import { forbidden, notImplemented, proxyAuthenticationRequired, unauthorized } from '@status-errors/core'
import { describe, expect, it, vi } from 'vitest'
import { fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/fastify.js'
import * as adapter from './index.js'
import {
  accepted,
  frameworkErrors,
  StatusErrorsConfigError,
  type StatusErrorsOptions,
  statusErrors,
} from './index.js'

const ACCEPTED_BODY =
  '{"status":202,"title":"Accepted","description":"The request has been accepted for processing."}'

describe('exports', () => {
  it('re-exports the helpers of core', () => {
    expect([
      adapter.unauthorized,
      adapter.forbidden,
      adapter.proxyAuthenticationRequired,
      adapter.notImplemented,
    ]).toEqual([unauthorized, forbidden, proxyAuthenticationRequired, notImplemented])
  })

  it.each([
    { name: 'unauthorized without a challenge', make: () => unauthorized('') },
    { name: 'unauthorized with CR/LF', make: () => unauthorized('Basic\r\nSet-Cookie: x=1') },
    { name: 'proxyAuthenticationRequired with an empty list', make: () => proxyAuthenticationRequired([]) },
  ])('throws a TypeError for $name', ({ make }) => {
    expect(make).toThrow(TypeError)
  })
})

describe.each(fastifyMajors)('$name', (major) => {
  describe('accepted', () => {
    async function acceptedApp(options: StatusErrorsOptions, location?: string) {
      const app = major.fastify()
      await app.register(statusErrors, options)
      app.post('/exports', (_request, reply) => accepted(reply, location === undefined ? {} : { location }))
      app.get('/exports', (_request, reply) => accepted(reply))
      return serve(app)
    }

    it('answers 202 with the documented body and its Location', async () => {
      const port = await acceptedApp({}, '/exports/1')
      const response = await sendRaw(port, { method: 'POST', path: '/exports' })
      expect([response.status, response.headers.get('location'), response.body]).toEqual([
        202,
        ['/exports/1'],
        ACCEPTED_BODY,
      ])
    })

    it('throws a StatusErrorsConfigError naming the fix when the plugin is not registered', async () => {
      let thrown: unknown
      const app = major.fastify()
      app.post('/exports', (_request, reply) => {
        try {
          accepted(reply)
        } catch (error) {
          thrown = error
        }
        return reply.send('ok')
      })
      await sendRaw(await serve(app), { method: 'POST', path: '/exports' })
      expect(thrown).toBeInstanceOf(StatusErrorsConfigError)
      expect(String(thrown)).toContain('await app.register(statusErrors)')
    })

    it("uses the options of the app's plugin", async () => {
      const port = await acceptedApp({ statuses: { 202: { description: 'Queued.' } } })
      const response = await sendRaw(port, { method: 'POST', path: '/exports' })
      expect(response.body).toBe('{"status":202,"title":"Accepted","description":"Queued."}')
    })

    it('is also reply.accepted() where the plugin is registered', async () => {
      const app = major.fastify()
      await app.register(statusErrors)
      await app.register(
        async (child) => {
          child.post('/exports', (_request, reply) => reply.accepted({ location: '/v1/exports/2' }))
        },
        { prefix: '/v1' },
      )
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'POST', path: '/v1/exports' })
      expect([response.status, response.headers.get('location')]).toEqual([202, ['/v1/exports/2']])
    })

    it('stays 202 with documented success, and sends no body to HEAD', async () => {
      const port = await acceptedApp({ success: 'documented' })
      const post = await sendRaw(port, { method: 'POST', path: '/exports' })
      const head = await sendRaw(port, { method: 'HEAD', path: '/exports' })
      expect([post.status, head.status, head.body, head.headers.get('content-length')]).toEqual([
        202,
        202,
        '',
        [String(ACCEPTED_BODY.length)],
      ])
    })

    it('throws a TypeError for a Location with CR/LF, which the route then answers with 500', async () => {
      let thrown: unknown
      const app = major.fastify()
      await app.register(statusErrors)
      app.post('/exports', (_request, reply) => {
        try {
          return accepted(reply, { location: '/a\r\nSet-Cookie: x=1' })
        } catch (error) {
          thrown = error
          throw error
        }
      })
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'POST', path: '/exports' })
      expect(thrown).toBeInstanceOf(TypeError)
      expect([response.status, response.headers.has('set-cookie')]).toEqual([500, false])
    })
  })

  describe('frameworkErrors', () => {
    const BAD_PATH = '/users/%E0%A4%A'

    it('answers malformed percent-encoding with the documented 400, without quoting the path', async () => {
      const seen: unknown[] = []
      const app = major.fastify({ frameworkErrors })
      await app.register(statusErrors, { onError: (error, info) => seen.push([error, info]) })
      app.get('/users/:id', async () => 'user')
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'GET', path: BAD_PATH })
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
      expect(JSON.parse(response.body)).toMatchObject({ status: 400, title: 'Bad Request' })
      expect(response.body).not.toContain('%E0')
      expect(seen).toEqual([
        [
          expect.objectContaining({ code: 'FST_ERR_BAD_URL' }),
          { status: 400, reason: 'thrown', method: 'GET', path: BAD_PATH },
        ],
      ])
    })

    it('answers with the default options and warns when the plugin is not registered', async () => {
      const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
      const app = major.fastify({ frameworkErrors })
      app.get('/users/:id', async () => 'user')
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'GET', path: BAD_PATH })
      expect([response.status, response.headers.get('x-content-type-options')]).toEqual([400, ['nosniff']])
      expect(response.body).not.toContain('%E0')
      expect(String(warn.mock.calls[0]?.[0])).toContain('frameworkErrors needs the status-errors plugin')
      warn.mockRestore()
    })
  })
})
