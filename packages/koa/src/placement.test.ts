import { afterEach, describe, expect, it, vi } from 'vitest'
import { koaMajors, Router } from '../../../test/conformance/harnesses/koa.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/koa.js'
import { collectWarnings } from '../../../test/support/warnings.js'
import { statusErrors } from './index.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each(koaMajors)('$name', ({ Koa }) => {
  function routes(): Router {
    const router = new Router()
    router.get('/boom', () => {
      throw new Error('secret')
    })
    return router
  }

  it('warns once, on the first request, when mounted after a router, naming the fix', async () => {
    const warnings = collectWarnings()
    const app = new Koa()
    app.silent = true
    app.use(routes().routes())
    app.use(statusErrors())
    const port = await serve(app)
    expect(warnings).toEqual([])
    await sendRaw(port, { method: 'GET', path: '/nope' })
    await sendRaw(port, { method: 'GET', path: '/nope' })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.code).toBe('ERR_STATUS_ERRORS_MISPLACED')
    expect(warnings[0]?.message).toContain('Mount app.use(statusErrors()) first, before every router')
  })

  it('stays silent when mounted first, also after middleware that is not a router', async () => {
    const warnings = collectWarnings()
    const app = new Koa()
    app.use((ctx, next) => {
      ctx.set('x-request-id', '7')
      return next()
    })
    app.use(statusErrors({ onError: () => {} }))
    app.use(routes().routes())
    const port = await serve(app)
    expect((await sendRaw(port, { method: 'GET', path: '/boom' })).status).toBe(500)
    expect(warnings).toEqual([])
  })
})
