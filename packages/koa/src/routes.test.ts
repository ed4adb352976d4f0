import { describe, expect, it } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { koaMajors, koaRouters, Router } from '../../../test/conformance/harnesses/koa.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/koa.js'
import { notImplemented, statusErrors } from './index.js'

function usersRouter(): Router {
  const router = new Router()
  router.get('/users', (ctx) => {
    ctx.body = []
  })
  router.post('/users', (ctx) => {
    ctx.status = 201
  })
  return router
}

describe.each(koaMajors)('$name', ({ Koa }) => {
  it('answers allowedMethods({ throw: true }) rejections with 405 and Allow', async () => {
    const app = new Koa()
    const router = usersRouter()
    app.use(statusErrors())
    app.use(router.routes())
    app.use(router.allowedMethods({ throw: true }))
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'DELETE', path: '/users' })

    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toEqual(['GET, HEAD, OPTIONS, POST'])
    expect(response.body).toBe(jsonBody(405))
  })

  it('answers allowedMethods({ throw: true }) 501 rejections as core decides them', async () => {
    const app = new Koa()
    // SEARCH is routed, but not in the router's method list: the router alone would say 501.
    const router = new Router({ methods: ['GET', 'HEAD', 'OPTIONS'] })
    router.get('/users', (ctx) => {
      ctx.body = []
    })
    router.register('/search', ['SEARCH'], (_ctx, next) => next())
    app.use(statusErrors())
    app.use(router.routes())
    app.use(router.allowedMethods({ throw: true }))
    app.silent = true
    const port = await serve(app)

    const usedElsewhere = await sendRaw(port, { method: 'SEARCH', path: '/users' })
    const usedNowhere = await sendRaw(port, { method: 'PROPFIND', path: '/users' })

    expect(usedElsewhere.status).toBe(405)
    expect(usedElsewhere.headers.get('allow')).toEqual(['GET, HEAD, OPTIONS'])
    expect(usedNowhere.status).toBe(501)
    expect(usedNowhere.headers.get('allow')).toBeUndefined()
    expect(usedNowhere.body).toBe(jsonBody(501))
  })

  it('keeps a 405 a route throws itself', async () => {
    const app = new Koa()
    const router = new Router()
    router.get('/legacy', (ctx) => ctx.throw(405, 'Use the new API.', { headers: { Allow: 'GET' } }))
    app.use(statusErrors())
    app.use(router.routes())
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'GET', path: '/legacy' })

    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toEqual(['GET'])
    expect(response.body).toBe(jsonBody(405, 'Use the new API.'))
  })

  it('keeps 404 when a matched route sets ctx.status = 404 itself', async () => {
    const app = new Koa()
    const router = new Router()
    router.get('/users/:id', (ctx) => {
      ctx.status = 404
    })
    router.delete('/users/:id', (ctx) => {
      ctx.status = 204
    })
    app.use(statusErrors())
    app.use(router.routes())
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'GET', path: '/users/7' })

    expect(response.status).toBe(404)
    expect(response.headers.get('allow')).toBeUndefined()
    expect(response.body).toBe(jsonBody(404))
  })

  it('counts the methods of every router of the app before answering 501', async () => {
    const app = new Koa()
    const dav = new Router()
    dav.register('/files', ['PROPFIND'], (ctx) => {
      ctx.body = 'files'
    })
    app.use(statusErrors())
    app.use(dav.routes())
    app.use(usersRouter().routes())
    const port = await serve(app)

    // The second router dispatched last, but PROPFIND is routed by the first one.
    const response = await sendRaw(port, { method: 'PROPFIND', path: '/users' })

    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toEqual(['GET, HEAD, OPTIONS, POST'])
  })

  it('never answers 501 when a router is out of sight', async () => {
    const app = new Koa()
    const dispatch = usersRouter().routes()
    app.use(statusErrors())
    // Wrapped: the app's middleware list no longer shows the router, so its methods are unknown.
    app.use((ctx: Parameters<typeof dispatch>[0], next) => dispatch(ctx, next))
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'PROPFIND', path: '/users' })

    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toEqual(['GET, HEAD, OPTIONS, POST'])
  })

  it('sees a route added after the first request', async () => {
    const app = new Koa()
    const router = usersRouter()
    app.use(statusErrors())
    app.use(router.routes())
    app.silent = true
    const port = await serve(app)

    const before = await sendRaw(port, { method: 'PROPFIND', path: '/users' })
    router.register('/files', ['PROPFIND'], (ctx) => {
      ctx.body = 'files'
    })
    const after = await sendRaw(port, { method: 'PROPFIND', path: '/users' })

    expect(before.status).toBe(501)
    expect(after.status).toBe(405)
  })
})

describe.each(koaMajors)('$name: produces before routing', ({ Koa }) => {
  it('answers 404, not 406, for a request a host-bound router will not route', async () => {
    const app = new Koa()
    app.use(statusErrors({ produces: ['application/json'] }))
    const router = new Router({ host: 'api.local' })
    router.get('/users', (ctx) => {
      ctx.body = []
    })
    app.use(router.routes())
    const port = await serve(app)
    const other = await sendRaw(port, {
      method: 'GET',
      path: '/users',
      headers: { accept: 'text/html', host: 'www.local' },
    })
    expect(other.status).toBe(404)
    const routed = await sendRaw(port, {
      method: 'GET',
      path: '/users',
      headers: { accept: 'text/html', host: 'api.local' },
    })
    expect(routed.status).toBe(406)
  })

  it('reads the path the routers will route: ctx.newRouterPath, not a stale ctx.routerPath', async () => {
    const app = new Koa()
    app.use((ctx, next) => {
      // A rewrite for the routers (what they read before ctx.path), and the pattern an outer
      // router would have left in ctx.routerPath (what they read last).
      if (ctx.path === '/people') Reflect.set(ctx, 'newRouterPath', '/users')
      Reflect.set(ctx, 'routerPath', '/elsewhere')
      return next()
    })
    app.use(statusErrors({ produces: ['application/json'] }))
    const router = new Router()
    router.get('/users', (ctx) => {
      ctx.body = []
    })
    app.use(router.routes())
    const port = await serve(app)
    const html = { accept: 'text/html' }
    const direct = await sendRaw(port, { method: 'GET', path: '/users', headers: html })
    const rewritten = await sendRaw(port, { method: 'GET', path: '/people', headers: html })
    // Both are routed, so both are the route's format refused (406), not an unknown path (404).
    expect(direct.status).toBe(406)
    expect(rewritten.status).toBe(406)
  })
})

describe.each(koaRouters)(
  '$name: whose 405 or 501 it is, after a router.all passed the request on',
  (setup) => {
    // Router A's catch-all route runs for every method and passes the request on; router B then
    // routes it, or its allowedMethods({ throw: true }) rejects it.
    function twoRouterApp(exportsRoute: boolean) {
      const app = new setup.Koa()
      const audit = new setup.Router()
      audit.all('/exports', (_ctx, next) => next())
      const api = new setup.Router()
      api.get('/users', (ctx) => {
        ctx.body = []
      })
      if (exportsRoute) {
        api.post('/exports', () => {
          throw notImplemented('Exports arrive in version 2.')
        })
      }
      app.use(statusErrors())
      app.use(audit.routes())
      app.use(api.routes())
      app.use(api.allowedMethods({ throw: true }))
      app.silent = true
      return app
    }

    it("keeps the route's own 501", async () => {
      const port = await serve(twoRouterApp(true))
      const response = await sendRaw(port, { method: 'POST', path: '/exports' })
      expect(response.status).toBe(501)
      expect(response.body).toBe(jsonBody(501, 'Exports arrive in version 2.'))
    })

    it("answers allowedMethods' 501 as core decides it: a routed method that fell through is a 404", async () => {
      const port = await serve(twoRouterApp(false))
      const response = await sendRaw(port, { method: 'PURGE', path: '/exports' })
      expect(response.status).toBe(404)
      expect(response.body).toBe(jsonBody(404))
    })
  },
)
