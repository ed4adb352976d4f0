import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, expect, it, vi } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { koaMajors, Router } from '../../../test/conformance/harnesses/koa.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/koa.js'
import { getRequest, readWholeConnection } from '../../../test/support/sockets.js'
import { statusErrors } from './index.js'

/** Resolves when `signal` aborts, with its reason and how long it took. */
function abortOf(signal: AbortSignal, since: number): Promise<{ reason: unknown; afterMs: number }> {
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve({ reason: signal.reason, afterMs: Date.now() - since }))
  })
}

describe.each(koaMajors)('$name', ({ Koa }) => {
  it('aborts ctx.timeoutSignal when the handler timeout answers', async () => {
    const app = new Koa()
    const router = new Router()
    let aborted: Promise<{ reason: unknown; afterMs: number }> | undefined
    router.get('/slow', async (ctx) => {
      const signal = ctx.timeoutSignal
      if (signal === undefined) throw new Error('no ctx.timeoutSignal')
      aborted = abortOf(signal, Date.now())
      await aborted
    })
    app.use(statusErrors({ timeout: { handler: 100 } }))
    app.use(router.routes())
    app.silent = true
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'GET', path: '/slow' })
    const abort = await aborted

    expect(response.status).toBe(503)
    expect(response.body).toBe(jsonBody(503))
    expect(abort?.reason).toMatchObject({ name: 'TimeoutError' })
    expect(abort?.afterMs).toBeGreaterThanOrEqual(90)
  })

  it('leaves ctx.timeoutSignal undefined without a handler timeout', async () => {
    const app = new Koa()
    const seen: unknown[] = []
    app.use(statusErrors({ timeout: { body: 1000 } }))
    app.use((ctx) => {
      seen.push(ctx.timeoutSignal)
      ctx.body = 'ok'
    })
    const port = await serve(app)

    expect((await sendRaw(port, { method: 'GET', path: '/' })).body).toBe('ok')
    expect(seen).toEqual([undefined])
  })

  it('writes one response when a slow route writes and fails after the timeout', async () => {
    const app = new Koa()
    const router = new Router()
    let finished: () => void = () => {}
    const routeDone = new Promise<void>((resolve) => {
      finished = resolve
    })
    router.get('/slow', async (ctx) => {
      try {
        await delay(250)
        ctx.set('X-Late', 'yes')
        ctx.status = 200
        ctx.body = { late: true }
        ctx.res.write('late bytes')
        throw new Error('failed after the timeout')
      } finally {
        finished()
      }
    })
    app.use(statusErrors({ timeout: { handler: 100 } }))
    app.use(router.routes())
    const listener = vi.fn<(error: unknown) => void>()
    app.on('error', listener)
    const port = await serve(app)

    const wire = readWholeConnection(port, getRequest('/slow'))
    await routeDone
    await delay(50)
    const text = await wire

    expect(text.match(/HTTP\/1\.1 /g)).toHaveLength(1)
    expect(text).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/)
    expect(text).not.toContain('late')
    expect(text.endsWith(jsonBody(503))).toBe(true)
    // The timeout is logged once; the route's late failure has nothing left to answer.
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener.mock.calls[0]?.[0]).toMatchObject({ status: 503 })
  })

  it('releases the shedding slot when a response ends', async () => {
    const app = new Koa()
    const router = new Router()
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    router.get('/slow', async (ctx) => {
      await gate
      ctx.body = { slow: true }
    })
    router.get('/x', (ctx) => {
      ctx.body = { ok: true }
    })
    app.use(statusErrors({ shed: { maxInFlight: 1 } }))
    app.use(router.routes())
    const port = await serve(app)

    const slow = sendRaw(port, { method: 'GET', path: '/slow' })
    await delay(50)
    const refused = await sendRaw(port, { method: 'GET', path: '/x' })
    release()
    expect((await slow).status).toBe(200)
    const admitted = await sendRaw(port, { method: 'GET', path: '/x' })

    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toEqual(['30'])
    expect(admitted.status).toBe(200)
    expect(admitted.body).toBe('{"ok":true}')
  })

  it('leaves Node’s own 408 for slow request headers in place', async () => {
    const app = new Koa()
    app.use(statusErrors({ timeout: { body: 1000, handler: 1000 } }))
    app.use((ctx) => {
      ctx.body = 'ok'
    })
    const server = createServer(
      { requestTimeout: 200, headersTimeout: 200, connectionsCheckingInterval: 50 },
      app.callback(),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      // The header section never ends: Node's request timeout answers, not the app.
      const wire = await readWholeConnection(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n')

      expect(wire).toBe('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n')
      expect(server.listenerCount('clientError')).toBe(0)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
