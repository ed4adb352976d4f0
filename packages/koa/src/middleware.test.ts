import type { Context } from 'koa'
import { describe, expect, it, vi } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { koaMajors, Router } from '../../../test/conformance/harnesses/koa.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/koa.js'
import { readWholeConnection } from '../../../test/support/sockets.js'
import { type ErrorInfo, httpError, statusErrors } from './index.js'

describe.each(koaMajors)('$name', ({ Koa }) => {
  function appThrowing(error: () => unknown, options?: Parameters<typeof statusErrors>[0]) {
    const app = new Koa()
    const router = new Router()
    router.get('/boom', () => {
      throw error()
    })
    app.use(statusErrors(options))
    app.use(router.routes())
    return app
  }

  it('emits the app error event once for a 500 and not for a 404', async () => {
    const thrown = new Error('database unreachable')
    const app = appThrowing(() => thrown)
    const listener = vi.fn<(error: unknown, ctx: Context) => void>()
    app.on('error', listener)
    const port = await serve(app)

    expect((await sendRaw(port, { method: 'GET', path: '/boom' })).status).toBe(500)
    expect((await sendRaw(port, { method: 'GET', path: '/nope' })).status).toBe(404)

    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener.mock.calls[0]?.[0]).toBe(thrown)
    expect(listener.mock.calls[0]?.[1].path).toBe('/boom')
  })

  it('emits an Error carrying a thrown string as its cause', async () => {
    const app = appThrowing(() => 'something broke')
    const listener = vi.fn<(error: unknown) => void>()
    app.on('error', listener)
    const port = await serve(app)

    expect((await sendRaw(port, { method: 'GET', path: '/boom' })).status).toBe(500)

    const emitted = listener.mock.calls[0]?.[0]
    expect(emitted).toBeInstanceOf(Error)
    expect(emitted).toMatchObject({
      message: "non-error thrown: 'something broke'",
      cause: 'something broke',
    })
  })

  it('answers a thrown string through Koa’s default listener without crashing it', async () => {
    const app = appThrowing(() => 'something broke')
    app.silent = true
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'GET', path: '/boom' })

    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
  })

  it('calls onError instead of emitting the app error event', async () => {
    const thrown = new Error('database unreachable')
    const onError = vi.fn<(error: unknown, info: ErrorInfo) => void>()
    const app = appThrowing(() => thrown, { onError })
    const listener = vi.fn()
    app.on('error', listener)
    const port = await serve(app)

    await sendRaw(port, { method: 'GET', path: '/boom?x=1' })
    await sendRaw(port, { method: 'GET', path: '/nope' })

    expect(listener).not.toHaveBeenCalled()
    expect(onError.mock.calls).toEqual([
      [thrown, { status: 500, reason: 'thrown', method: 'GET', path: '/boom' }],
      [expect.any(Error), { status: 404, reason: 'unmatched', method: 'GET', path: '/nope' }],
    ])
  })

  it('keeps headers set with ctx.set before the throw', async () => {
    const app = new Koa()
    const router = new Router()
    router.get('/busy', (ctx) => {
      ctx.set('Retry-After', '120')
      ctx.set('X-Request-Id', 'req-7')
      throw httpError(503)
    })
    app.use(statusErrors())
    app.use(router.routes())
    app.silent = true
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'GET', path: '/busy' })

    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toEqual(['120'])
    expect(response.headers.get('x-request-id')).toEqual(['req-7'])
    expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
  })

  it('answers the documented 404 JSON in an app without a router', async () => {
    const app = new Koa()
    app.use(statusErrors())
    app.use((ctx, next) => {
      if (ctx.path === '/hello') ctx.body = 'hello'
      return next()
    })
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'GET', path: '/nope' })
    // Without a router nothing is known about methods, so not even an unused one gets 501.
    const unknownMethod = await sendRaw(port, { method: 'PROPFIND', path: '/nope' })

    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
    expect(response.body).toBe(jsonBody(404))
    expect(unknownMethod.status).toBe(404)
    expect((await sendRaw(port, { method: 'GET', path: '/hello' })).body).toBe('hello')
  })

  it('closes the connection and writes nothing when the error comes after the headers', async () => {
    const app = new Koa()
    app.use(statusErrors())
    app.use((ctx) => {
      ctx.res.writeHead(200, { 'content-type': 'text/plain' })
      ctx.res.write('partial')
      throw new Error('late')
    })
    const listener = vi.fn<(error: unknown) => void>()
    app.on('error', listener)
    const port = await serve(app)

    const wire = await readWholeConnection(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')

    expect(wire).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(wire).toContain('partial')
    // No terminating chunk: the client can tell the response is incomplete.
    expect(wire.endsWith('0\r\n\r\n')).toBe(false)
    expect(wire).not.toContain('Internal Server Error')
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener.mock.calls[0]?.[0]).toMatchObject({ message: 'late' })
  })
})
