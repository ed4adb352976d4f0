import { fastifyPlugin } from 'fastify-plugin'
import { describe, expect, it } from 'vitest'
import { fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/fastify.js'
import { StatusErrorsConfigError, statusErrors } from './index.js'

describe.each(fastifyMajors)('$name', (major) => {
  const secretRoute = async () => {
    throw new Error('secret db password')
  }

  it('fails startup with StatusErrorsConfigError when registered after routes, naming them and the fix', async () => {
    const app = major.fastify({ logger: false })
    app.get('/boom', secretRoute)
    await app.register(statusErrors)
    app.get('/fine', async () => 'ok')
    const ready = app.ready()
    await expect(ready).rejects.toThrow(StatusErrorsConfigError)
    await expect(ready).rejects.toMatchObject({ code: 'ERR_STATUS_ERRORS_MISPLACED' })
    await expect(ready).rejects.toThrow(
      /boom \(GET, HEAD\)[\s\S]*await app\.register\(statusErrors\) before any route/,
    )
    await expect(ready).rejects.not.toThrow(/fine/)
    await app.close()
  })

  it("names each route that keeps Fastify's handler by its whole path", async () => {
    const app = major.fastify({ logger: false })
    app.get('/api/users', secretRoute)
    app.get('/api/users/:id', secretRoute)
    app.post('/api/users/:id/avatar', secretRoute)
    app.get('/health', secretRoute)
    // Not the root: the listing then starts with an empty root node.
    app.get('*', secretRoute)
    await app.register(statusErrors)
    const failure: unknown = await app.ready().then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(StatusErrorsConfigError)
    const routes = String((failure as Error).message)
      .split('\n')
      .filter((line) => line.startsWith('  '))
    expect(routes).toEqual([
      '  /api/users (GET, HEAD)',
      '  /api/users/:id (GET, HEAD)',
      '  /api/users/:id/avatar (POST)',
      '  /health (GET, HEAD)',
      '  * (GET, HEAD)',
    ])
    await app.close()
  })

  it('names a route that shares its path with a route that has its own error handler', async () => {
    const app = major.fastify({ logger: false })
    app.get('/items', { errorHandler: (_error, _request, reply) => reply.code(500).send() }, secretRoute)
    app.post('/items', secretRoute)
    await app.register(statusErrors)
    await expect(app.ready()).rejects.toThrow(/\n {2}\/items \(POST\)\n/)
    await app.close()
  })

  it('fails startup when registered inside a child plugin with a prefix', async () => {
    const app = major.fastify({ logger: false })
    const child = app.register(
      async (scope) => {
        await scope.register(statusErrors)
        scope.get('/boom', secretRoute)
      },
      { prefix: '/api' },
    )
    await expect(child).rejects.toThrow(StatusErrorsConfigError)
    await expect(child).rejects.toThrow(/prefix "\/api"; register it once, at the root/)
    await app.close()
  })

  it('fails startup when registered inside an unprefixed child while the root has routes', async () => {
    const app = major.fastify({ logger: false })
    app.register(async (scope) => {
      await scope.register(statusErrors)
    })
    app.get('/boom', secretRoute)
    await expect(app.ready()).rejects.toMatchObject({ code: 'ERR_STATUS_ERRORS_MISPLACED' })
    await app.close()
  })

  it('answers for routes added right after an unawaited register, and never leaks a 5xx message', async () => {
    const app = major.fastify({ logger: false })
    void app.register(statusErrors, { onError: () => {} })
    app.get('/boom', secretRoute)
    const port = await serve(app)
    const response = await sendRaw(port, { method: 'GET', path: '/boom' })
    expect(response.status).toBe(500)
    expect(response.body).not.toContain('secret')
  })
})

describe.each(fastifyMajors)('$name: plugins registered first', (major) => {
  it('starts when only a CORS preflight catch-all (OPTIONS *) was registered before it', async () => {
    const app = major.fastify({ logger: false })
    await app.register(
      fastifyPlugin(async (instance) => {
        instance.options('*', async (_request, reply) => reply.code(204).send())
      }),
    )
    await app.register(statusErrors)
    app.get('/users', async () => [])
    await expect(app.ready()).resolves.toBeDefined()
    await app.close()
  })

  it('still fails when a plugin registered before it adds a real route', async () => {
    const app = major.fastify({ logger: false })
    await app.register(
      fastifyPlugin(async (instance) => {
        instance.get('/files/*', async () => {
          throw new Error('EACCES: /secret/path')
        })
      }),
    )
    await app.register(statusErrors)
    await expect(app.ready()).rejects.toThrow(/registered after routes[\s\S]*\(GET, HEAD\)/)
    await app.close()
  })
})
