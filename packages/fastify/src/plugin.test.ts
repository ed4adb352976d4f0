import { StatusErrorsConfigError } from '@status-errors/core'
import { describe, expect, it } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { logCollector, serve } from '../../../test/support/fastify.js'
import { type ErrorInfo, type StatusErrorsOptions, statusErrors } from './index.js'

const badOptions: readonly { readonly name: string; readonly options: unknown; readonly message: RegExp }[] =
  [
    { name: 'an unknown option', options: { prefixx: '/api' }, message: /unknown option "prefixx"/ },
    { name: 'a wrongly typed option', options: { debug: 'yes' }, message: /"debug" must be a boolean/ },
  ]

describe.each(fastifyMajors)('$name', (major) => {
  describe('registration', () => {
    it.each(badOptions)(
      'fails at startup with StatusErrorsConfigError for $name',
      async ({ options, message }) => {
        const app = major.fastify()
        const registering = app.register(statusErrors, options as StatusErrorsOptions)
        await expect(registering).rejects.toThrow(StatusErrorsConfigError)
        await expect(registering).rejects.toThrow(message)
      },
    )

    it('fails at startup with StatusErrorsConfigError when registered twice', async () => {
      const app = major.fastify()
      await app.register(statusErrors)
      const again = app.register(statusErrors)
      await expect(again).rejects.toThrow(StatusErrorsConfigError)
      await expect(again).rejects.toThrow(/already registered/)
    })

    it('fails at startup when a child plugin registers it again', async () => {
      const app = major.fastify()
      await app.register(statusErrors)
      const child = app.register(async (scope) => {
        await scope.register(statusErrors)
      })
      await expect(child).rejects.toMatchObject({ code: 'ERR_STATUS_ERRORS_MISPLACED' })
    })

    it('handles routes added right after an unawaited register', async () => {
      const app = major.fastify()
      void app.register(statusErrors)
      app.get('/boom', async () => {
        throw new Error('secret')
      })
      const port = await serve(app)
      const thrown = await sendRaw(port, { method: 'GET', path: '/boom' })
      expect(thrown.body).toBe(jsonBody(500))
      const unmatched = await sendRaw(port, { method: 'POST', path: '/boom' })
      expect([unmatched.status, unmatched.headers.get('allow')]).toEqual([405, ['GET, HEAD, OPTIONS']])
    })

    it('sees routes of child plugins registered after it', async () => {
      const app = major.fastify()
      await app.register(statusErrors)
      await app.register(
        async (scope) => {
          scope.put('/things/:id', async () => 'ok')
        },
        { prefix: '/api' },
      )
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'GET', path: '/api/things/1' })
      expect([response.status, response.headers.get('allow')]).toEqual([405, ['OPTIONS, PUT']])
    })
  })

  describe('logging', () => {
    async function appWithLog(options?: StatusErrorsOptions) {
      const log = logCollector()
      const app = major.fastify({ logger: { level: 'info', stream: log.stream } })
      await app.register(statusErrors, options ?? {})
      app.get('/boom', async () => {
        throw new Error('database is down')
      })
      return { port: await serve(app), errors: () => log.records.filter((record) => record.level >= 50) }
    }

    it('logs a 500 through request.log.error with the error', async () => {
      const { port, errors } = await appWithLog()
      expect((await sendRaw(port, { method: 'GET', path: '/boom' })).status).toBe(500)
      expect(errors()).toEqual([
        expect.objectContaining({
          msg: 'status-errors: server error response',
          err: expect.objectContaining({ message: 'database is down' }),
        }),
      ])
    })

    it('does not log a 404', async () => {
      const { port, errors } = await appWithLog()
      expect((await sendRaw(port, { method: 'GET', path: '/nope' })).status).toBe(404)
      expect(errors()).toEqual([])
    })

    it('calls onError instead of logging, for every error response', async () => {
      const calls: [unknown, ErrorInfo][] = []
      const { port, errors } = await appWithLog({ onError: (error, info) => calls.push([error, info]) })
      await sendRaw(port, { method: 'GET', path: '/boom?x=1' })
      await sendRaw(port, { method: 'DELETE', path: '/boom' })
      expect(calls.map(([, info]) => info)).toEqual([
        { status: 500, reason: 'thrown', method: 'GET', path: '/boom' },
        { status: 405, reason: 'unmatched', method: 'DELETE', path: '/boom' },
      ])
      expect(calls[0]?.[0]).toMatchObject({ message: 'database is down' })
      expect(errors()).toEqual([])
    })

    it('logs a failing onError instead of failing the response', async () => {
      const { port, errors } = await appWithLog({
        onError: () => {
          throw new Error('logger broke')
        },
      })
      expect((await sendRaw(port, { method: 'GET', path: '/boom' })).body).toBe(jsonBody(500))
      expect(errors()).toEqual([
        expect.objectContaining({ err: expect.objectContaining({ message: 'logger broke' }) }),
      ])
    })
  })

  describe('responses already under way', () => {
    it('closes a response whose headers went out before the error, and logs the error', async () => {
      const log = logCollector()
      const app = major.fastify({ logger: { level: 'error', stream: log.stream } })
      await app.register(statusErrors)
      app.get('/stream', (_request, reply) => {
        reply.raw.writeHead(200, { 'content-type': 'text/plain' })
        reply.raw.write('partial')
        throw new Error('failed mid-stream')
      })
      const port = await serve(app)
      // Left open, the response never ends and sendRaw gives up after 5 s.
      const response = await sendRaw(port, { method: 'GET', path: '/stream' })
      expect([response.status, response.body]).toEqual([200, 'partial'])
      expect(log.records).toEqual([
        expect.objectContaining({ err: expect.objectContaining({ message: 'failed mid-stream' }) }),
      ])
    })
  })
})
