import { setImmediate as nextTurn } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expressMajors } from '../../../test/conformance/harnesses/express.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/express.js'
import { collectWarnings } from '../../../test/support/warnings.js'
import { statusErrors } from './index.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each(expressMajors)('$name', (major) => {
  it('passes requests on to routes mounted after it, and warns once, naming the fix', async () => {
    const warnings = collectWarnings()
    const app = major.express()
    app.use(statusErrors({ onError: () => {} }))
    app.get('/users', (_req, res) => void res.json(['ada']))
    app.get('/boom', () => {
      throw new Error('secret')
    })
    const port = await serve(app)
    const users = await sendRaw(port, { method: 'GET', path: '/users' })
    expect(users.status).toBe(200)
    expect(users.body).toBe('["ada"]')
    expect((await sendRaw(port, { method: 'GET', path: '/users' })).status).toBe(200)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.code).toBe('ERR_STATUS_ERRORS_MISPLACED')
    expect(warnings[0]?.message).toContain('Mount app.use(errors) after the last route')
  })

  it('does not warn when mounted after the routes', async () => {
    const warnings = collectWarnings()
    const app = major.express()
    app.get('/users', (_req, res) => void res.json([]))
    app.use(statusErrors())
    const port = await serve(app)
    expect((await sendRaw(port, { method: 'GET', path: '/nope' })).status).toBe(404)
    await nextTurn()
    expect(warnings).toEqual([])
  })

  it.each([
    ['produces', { produces: ['application/json'] }],
    ['timeout', { timeout: { handler: 1000 } }],
    ['success', { success: 'documented' as const }],
  ])(
    'warns on the first request served when %s is given and the guard is never taken',
    async (name, options) => {
      const warnings = collectWarnings()
      const app = major.express()
      app.get('/users', (_req, res) => void res.json([]))
      app.use(statusErrors(options))
      const port = await serve(app)
      expect(warnings).toEqual([])
      expect((await sendRaw(port, { method: 'GET', path: '/users' })).status).toBe(200)
      expect(warnings.map((warning) => warning.message)).toEqual([
        expect.stringContaining(`option(s) ${name} act before the routes`),
      ])
      expect(warnings[0]?.message).toContain('app.use(errors.guard) before the routes')
      await sendRaw(port, { method: 'GET', path: '/users' })
      expect(warnings).toHaveLength(1)
    },
  )

  it('warns once when the guard is never taken and the first request is unmatched', async () => {
    const warnings = collectWarnings()
    const app = major.express()
    app.get('/users', (_req, res) => void res.json([]))
    app.use(statusErrors({ timeout: { handler: 1000 } }))
    const port = await serve(app)
    expect((await sendRaw(port, { method: 'GET', path: '/nope' })).status).toBe(404)
    await nextTurn()
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('errors.guard')])
  })

  it('checks every installation waiting when a request is served', async () => {
    const warnings = collectWarnings()
    const first = major.express()
    first.use(statusErrors({ produces: ['application/json'] }))
    const second = major.express()
    second.use(statusErrors({ success: 'documented' }))
    const port = await serve(first)
    await sendRaw(port, { method: 'GET', path: '/' })
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('option(s) produces act'),
      expect.stringContaining('option(s) success act'),
    ])
  })

  it('stays silent when the app takes the guard after an await', async () => {
    const warnings = collectWarnings()
    const app = major.express()
    const errors = statusErrors({ timeout: { handler: 1000 } })
    // A database connecting, configuration loading …: the app is assembled over several turns.
    await nextTurn()
    await nextTurn()
    app.use(errors.guard)
    app.get('/users', (_req, res) => void res.json([]))
    app.use(errors)
    const port = await serve(app)
    expect((await sendRaw(port, { method: 'GET', path: '/users' })).status).toBe(200)
    expect((await sendRaw(port, { method: 'GET', path: '/nope' })).status).toBe(404)
    expect(warnings).toEqual([])
  })

  it('warns on the first request when the guard is mounted after the routes', async () => {
    const warnings = collectWarnings()
    const errors = statusErrors({ produces: ['application/json'] })
    const app = major.express()
    app.get('/users', (_req, res) => void res.json([]))
    app.use(errors.guard)
    app.use(errors)
    await nextTurn()
    expect(warnings).toEqual([])
    const port = await serve(app)
    await sendRaw(port, { method: 'GET', path: '/nope' })
    await sendRaw(port, { method: 'GET', path: '/nope' })
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('errors.guard')])
  })

  it('stays silent with the guard first inside a mounted router, which it then guards', async () => {
    const warnings = collectWarnings()
    const errors = statusErrors({ produces: ['application/json'] })
    const app = major.express()
    const api = major.express.Router()
    api.use(errors.guard)
    api.get('/users', (_req, res) => void res.json([]))
    app.use('/api', api)
    app.use(errors)
    const port = await serve(app)
    const refused = await sendRaw(port, {
      method: 'GET',
      path: '/api/users',
      headers: { accept: 'text/csv' },
    })
    expect(refused.status).toBe(406)
    expect((await sendRaw(port, { method: 'GET', path: '/api/users' })).status).toBe(200)
    await nextTurn()
    expect(warnings).toEqual([])
  })

  it('warns when the guard sits inside a router after one of its routes', async () => {
    const warnings = collectWarnings()
    const errors = statusErrors({ produces: ['application/json'] })
    const app = major.express()
    const api = major.express.Router()
    api.get('/users', (_req, res) => void res.json([]))
    api.use(errors.guard)
    app.use('/api', api)
    app.use(errors)
    const port = await serve(app)
    await sendRaw(port, { method: 'GET', path: '/nope' })
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('errors.guard')])
  })

  it('stays silent with the guard first and the handlers last', async () => {
    const warnings = collectWarnings()
    const errors = statusErrors({ produces: ['application/json'], timeout: { handler: 1000 } })
    const app = major.express()
    app.use(errors.guard)
    app.get('/users', (_req, res) => void res.json([]))
    app.use(errors)
    const port = await serve(app)
    expect((await sendRaw(port, { method: 'GET', path: '/nope' })).status).toBe(404)
    await nextTurn()
    expect(warnings).toEqual([])
  })
})

describe.each(expressMajors)('$name: what counts as routes after it', (major) => {
  it('does not count a router of middleware only: no warning, and unmatched requests still answered', async () => {
    const warnings = collectWarnings()
    const app = major.express()
    app.get('/users', (_req, res) => void res.json([]))
    app.use(statusErrors())
    const logging = major.express.Router()
    logging.use((_req, _res, next) => next())
    app.use(logging)
    const port = await serve(app)
    const response = await sendRaw(port, { method: 'GET', path: '/nope' })
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
    expect(warnings).toEqual([])
  })
})
