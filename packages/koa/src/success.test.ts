import type { Middleware } from 'koa'
import { describe, expect, it } from 'vitest'
import { koaMajors, Router } from '../../../test/conformance/harnesses/koa.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/koa.js'
import { statusErrors } from './index.js'

describe.each(koaMajors)('$name', ({ Koa }) => {
  async function serveRoute(method: string, route: Middleware, options = { success: 'documented' as const }) {
    const app = new Koa()
    const router = new Router()
    router.register('/things', [method], route)
    app.use(statusErrors(options))
    app.use(router.routes())
    return serve(app)
  }

  it('answers 201 for a POST that set only a body and keeps its Location', async () => {
    const port = await serveRoute('POST', (ctx) => {
      ctx.set('Location', '/things/7')
      ctx.body = { id: 7 }
    })

    const response = await sendRaw(port, { method: 'POST', path: '/things' })

    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toEqual(['/things/7'])
    expect(response.body).toBe('{"id":7}')
  })

  it('keeps a 200 the POST route set before or after its body', async () => {
    const before = await serveRoute('POST', (ctx) => {
      ctx.status = 200
      ctx.body = { id: 7 }
    })
    const after = await serveRoute('POST', (ctx) => {
      ctx.body = { id: 7 }
      ctx.response.status = 200
    })

    expect((await sendRaw(before, { method: 'POST', path: '/things' })).status).toBe(200)
    expect((await sendRaw(after, { method: 'POST', path: '/things' })).status).toBe(200)
  })

  it('keeps a redirect from a POST', async () => {
    const port = await serveRoute('POST', (ctx) => {
      ctx.redirect('/things/7')
    })

    const response = await sendRaw(port, { method: 'POST', path: '/things' })

    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toEqual(['/things/7'])
  })

  it('answers 204 without content headers for a DELETE with an empty string body', async () => {
    const port = await serveRoute('DELETE', (ctx) => {
      ctx.body = ''
    })

    const response = await sendRaw(port, { method: 'DELETE', path: '/things' })

    expect(response.status).toBe(204)
    expect(response.headers.get('content-length')).toBeUndefined()
    expect(response.headers.get('content-type')).toBeUndefined()
    expect(response.body).toBe('')
  })

  it('keeps a 200 the DELETE route set for an empty body', async () => {
    const port = await serveRoute('DELETE', (ctx) => {
      ctx.status = 200
      ctx.body = ''
    })

    expect((await sendRaw(port, { method: 'DELETE', path: '/things' })).status).toBe(200)
  })

  it('leaves a POST at 200 without the option and wraps no setter', async () => {
    const app = new Koa()
    app.use(statusErrors())
    app.use((ctx) => {
      ctx.body = { id: 7 }
    })
    const port = await serve(app)

    expect((await sendRaw(port, { method: 'POST', path: '/' })).status).toBe(200)
    expect(Object.getOwnPropertyDescriptor(app.response, 'status')).toBeUndefined()
    expect(Object.getOwnPropertyDescriptor(app.response, 'body')).toBeUndefined()
  })
})
