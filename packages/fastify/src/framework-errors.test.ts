import { afterEach, describe, expect, it, vi } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/fastify.js'
import { collectWarnings } from '../../../test/support/warnings.js'
import { frameworkErrors, statusErrors } from './index.js'

afterEach(() => {
  vi.restoreAllMocks()
})

const LONG_ID = 'x'.repeat(150)

describe.each(fastifyMajors)('$name', (major) => {
  async function usersApp(withFrameworkErrors: boolean) {
    const app = major.fastify(withFrameworkErrors ? { frameworkErrors } : {})
    await app.register(statusErrors, { onError: () => {} })
    app.get('/users/:id', async () => 'user')
    return app
  }

  it('answers malformed URLs and over-long parameters with the documented 400 when given frameworkErrors', async () => {
    const port = await serve(await usersApp(true))
    // Fastify 4's router treats a parameter over maxParamLength as no match (404); Fastify 5
    // raises FST_ERR_MAX_PARAM_LENGTH, its own answer to which is a 414 the table does not list.
    const longStatus = major.name === 'fastify 4' ? 404 : 400
    for (const [path, status] of [
      ['/users/%zz', 400],
      [`/users/${LONG_ID}`, longStatus],
    ] as const) {
      const response = await sendRaw(port, { method: 'GET', path })
      expect(response.status, path).toBe(status)
      expect(response.body).toBe(
        jsonBody(
          status,
          status === 400 && path.includes('%') ? 'Malformed percent-encoding in request path.' : undefined,
        ),
      )
    }
  })

  it('stays silent about frameworkErrors when the app passes it', async () => {
    const warnings = collectWarnings()
    await serve(await usersApp(true))
    expect(warnings).toEqual([])
  })
})

describe('without frameworkErrors', () => {
  const [fastify4, fastify5] = fastifyMajors

  it('fastify 5: the plugin fills it in, so the router\u2019s errors get the documented 400', async () => {
    const warnings = collectWarnings()
    const app = fastify5?.fastify() ?? expect.unreachable()
    await app.register(statusErrors, { onError: () => {} })
    app.get('/users/:id', async () => 'user')
    const port = await serve(app)
    const malformed = await sendRaw(port, { method: 'GET', path: '/users/%zz' })
    expect([malformed.status, malformed.body]).toEqual([
      400,
      jsonBody(400, 'Malformed percent-encoding in request path.'),
    ])
    const long = await sendRaw(port, { method: 'GET', path: `/users/${LONG_ID}` })
    expect([long.status, long.body]).toEqual([400, jsonBody(400)])
    expect(warnings).toEqual([])
  })

  it('fastify 4: the plugin warns once at ready, naming the server option', async () => {
    const warnings = collectWarnings()
    const app = fastify4?.fastify() ?? expect.unreachable()
    await app.register(statusErrors)
    await app.ready()
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('fastify({ frameworkErrors })'),
    ])
    await app.close()
  })
})
