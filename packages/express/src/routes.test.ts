import type { RequestHandler } from 'express'
import { describe, expect, it } from 'vitest'
import { addRoute, expressMajors } from '../../../test/conformance/harnesses/express.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/express.js'
import { statusErrors } from './index.js'
import { createRouteMethodsReader } from './routes.js'

const ok = (): RequestHandler => (_req, res) => void res.json({ ok: true })

describe.each(expressMajors)('$name', (major) => {
  it('computes Allow from a router mounted two levels deep', async () => {
    const app = major.express()
    const api = major.express.Router()
    const v1 = major.express.Router()
    v1.get('/deep', ok())
    v1.delete('/deep', ok())
    api.use('/v1', v1)
    app.use('/api', api)
    app.use(statusErrors())
    const response = await sendRaw(await serve(app), { method: 'POST', path: '/api/v1/deep' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toEqual(['DELETE, GET, HEAD, OPTIONS'])
  })

  it('leaves an OPTIONS catch-all out of the methods of a path', async () => {
    const app = major.express()
    app.options(major.catchAllPath, (_req, res) => void res.sendStatus(204))
    app.get('/users', ok())
    app.use(statusErrors())
    const port = await serve(app)
    const unknown = await sendRaw(port, { method: 'GET', path: '/nope' })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.has('allow')).toBe(false)
    const known = await sendRaw(port, { method: 'DELETE', path: '/users' })
    expect(known.status).toBe(405)
    expect(known.headers.get('allow')).toEqual(['GET, HEAD, OPTIONS'])
  })

  it('sees routes added after app.use(statusErrors())', async () => {
    const app = major.express()
    app.get('/users', ok())
    app.use(statusErrors())
    const port = await serve(app)
    // Warms the cached app-wide method list: no route uses PURGE yet.
    expect((await sendRaw(port, { method: 'PURGE', path: '/nope' })).status).toBe(501)
    addRoute(app, 'PURGE', '/cache', [ok()])
    expect((await sendRaw(port, { method: 'PURGE', path: '/nope' })).status).toBe(404)
    const other = await sendRaw(port, { method: 'POST', path: '/cache' })
    expect(other.status).toBe(405)
    expect(other.headers.get('allow')).toEqual(['OPTIONS, PURGE'])
  })

  it('does not see into a mounted sub-app, which installs its own handlers', async () => {
    const app = major.express()
    const opaque = major.express()
    opaque.get('/ping', ok())
    const covered = major.express()
    covered.get('/ping', ok())
    covered.use(statusErrors())
    app.use('/opaque', opaque)
    app.use('/covered', covered)
    app.use(statusErrors())
    const port = await serve(app)
    expect((await sendRaw(port, { method: 'POST', path: '/opaque/ping' })).status).toBe(404)
    const inside = await sendRaw(port, { method: 'POST', path: '/covered/ping' })
    expect(inside.status).toBe(405)
    expect(inside.headers.get('allow')).toEqual(['GET, HEAD, OPTIONS'])
  })

  it('treats a malformed percent-escape as no match instead of throwing', () => {
    const app = major.express()
    app.get('/users/:id', ok())
    app.get('/users', ok())
    const read = createRouteMethodsReader()
    expect([...read(app, '/users/%E0%A4%A').pathMethods]).toEqual([])
    expect([...read(app, '/users').pathMethods]).toEqual(['GET'])
  })

  it('fails open to a plain 404 when the app has no router stack', () => {
    const read = createRouteMethodsReader()
    const routes = read({}, '/users')
    expect(routes.pathMethods.size).toBe(0)
    expect(routes.appMethods).toBeUndefined()
  })

  it('reports a route for every method as a wildcard', () => {
    const app = major.express()
    const router = major.express.Router()
    router.all('/any', ok())
    app.use(router)
    const read = createRouteMethodsReader()
    expect(read(app, '/any').pathMethods.has('*')).toBe(true)
    expect(read(app, '/any').appMethods?.has('*')).toBe(true)
  })
})

describe.each(expressMajors)('$name: statusErrors() mounted in a router', (major) => {
  it("answers 405 with the methods of the router's own path", async () => {
    const app = major.express()
    const api = major.express.Router()
    api.get('/users', (_req, res) => void res.json([]))
    api.use(statusErrors())
    app.use('/api', api)
    app.put('/users', (_req, res) => void res.json({}))
    const response = await sendRaw(await serve(app), { method: 'POST', path: '/api/users' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toEqual(['GET, HEAD, OPTIONS'])
  })
})
