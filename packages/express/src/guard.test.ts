import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import type { NextFunction, Request, Response } from 'express'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expressMajors } from '../../../test/conformance/harnesses/express.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/express.js'
import { converse, rawGet } from '../../../test/support/sockets.js'
import { type ErrorInfo, type StatusErrorsOptions, statusErrors } from './index.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each(expressMajors)('$name', (major) => {
  function appWith(options: StatusErrorsOptions, routes: (app: ReturnType<typeof major.express>) => void) {
    const app = major.express()
    const errors = statusErrors(options)
    app.use(errors.guard)
    routes(app)
    app.use(errors)
    return app
  }

  it('aborts req.timeoutSignal with a TimeoutError when the handler timeout answers', async () => {
    let aborted: { reason: unknown; afterMs: number } | undefined
    const app = appWith({ timeout: { handler: 100 }, onError: () => {} }, (app) => {
      app.get('/slow', (req) => {
        const started = performance.now()
        req.timeoutSignal?.addEventListener('abort', () => {
          aborted = { reason: req.timeoutSignal?.reason, afterMs: performance.now() - started }
        })
      })
    })
    const response = await sendRaw(await serve(app), { method: 'GET', path: '/slow' })
    expect(response.status).toBe(503)
    expect(aborted?.reason).toBeInstanceOf(DOMException)
    expect(aborted?.reason).toMatchObject({ name: 'TimeoutError' })
    expect(aborted?.afterMs).toBeGreaterThanOrEqual(90)
  })

  it('ignores late writes and errors of a slow route and keeps the connection open', async () => {
    const onError = vi.fn<(error: unknown, info: ErrorInfo) => void>()
    const lateFailures: unknown[] = []
    const passedOn: unknown[] = []
    const app = appWith({ timeout: { handler: 80 }, onError }, (app) => {
      app.get('/slow', (req, res, next) => {
        req.timeoutSignal?.addEventListener('abort', () => {
          setTimeout(() => {
            try {
              res.setHeader('x-late', 'yes')
              res.status(200).json({ late: true })
              res.write('more')
              res.end()
            } catch (error) {
              lateFailures.push(error)
            }
            next(new Error('failed after the timeout'))
          }, 10)
        })
      })
      app.get('/fast', (_req, res) => void res.json({ fast: true }))
    })
    app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => {
      passedOn.push(error)
      next(error)
    })
    const port = await serve(app)
    const raw = await converse(port, [rawGet('/slow', false), rawGet('/fast', true)], 250)
    expect(lateFailures).toEqual([])
    expect(passedOn).toEqual([])
    expect(raw.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 503', 'HTTP/1.1 200'])
    expect(raw).not.toContain('x-late')
    expect(raw).not.toContain('"late"')
    expect(raw).toContain('{"fast":true}')
    expect(onError.mock.calls.map(([, info]) => info.status)).toEqual([503])
  })

  it('reports a body timeout once and passes nothing on to later error handlers', async () => {
    const onError = vi.fn<(error: unknown, info: ErrorInfo) => void>()
    const passedOn: unknown[] = []
    const app = appWith({ timeout: { body: 80 }, onError }, (app) => {
      app.post('/echo', major.express.json(), (req, res) => void res.json(req.body))
    })
    app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => {
      passedOn.push(error)
      next(error)
    })
    const response = await sendRaw(await serve(app), {
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
      declaredLength: 50,
    })
    await delay(50)
    expect(response.status).toBe(408)
    expect(response.headers.get('connection')).toEqual(['close'])
    expect(onError.mock.calls.map(([, info]) => info.status)).toEqual([408])
    expect(passedOn).toEqual([])
  })

  it('releases a shedding slot when the response ends', async () => {
    const app = appWith({ shed: { maxInFlight: 1 } }, (app) => {
      app.get('/slow', async (_req, res) => {
        await delay(150)
        res.json({ slow: true })
      })
      app.get('/x', (_req, res) => void res.json({ ok: true }))
    })
    const port = await serve(app)
    const slow = sendRaw(port, { method: 'GET', path: '/slow' })
    await delay(50)
    expect((await sendRaw(port, { method: 'GET', path: '/x' })).status).toBe(503)
    expect((await slow).status).toBe(200)
    expect((await sendRaw(port, { method: 'GET', path: '/x' })).status).toBe(200)
    expect((await sendRaw(port, { method: 'GET', path: '/x' })).status).toBe(200)
  })

  it('leaves requests untouched when no option needs the guard', async () => {
    const seen: unknown[] = []
    const app = appWith({}, (app) => {
      app.post('/x', (req, res) => {
        seen.push(req.timeoutSignal, Object.hasOwn(res, 'end'), Object.hasOwn(res, '_implicitHeader'))
        res.json({ ok: true })
      })
    })
    const response = await sendRaw(await serve(app), { method: 'POST', path: '/x' })
    expect(response.status).toBe(200)
    expect(seen).toEqual([undefined, false, false])
  })

  it('leaves answering a request that is too slow to arrive to Node (408, no clientError listener)', async () => {
    const app = appWith({ timeout: { body: 1000 } }, (app) => {
      app.get('/x', (_req, res) => void res.json({ ok: true }))
    })
    const server = createServer(
      { requestTimeout: 200, headersTimeout: 200, connectionsCheckingInterval: 20 },
      app,
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const raw = await converse(port, ['GET /x HTTP/1.1\r\n', 'Host: 127.0.0.1\r\n', 'X-Slow: 1\r\n'], 150)
      expect(raw.startsWith('HTTP/1.1 408 Request Timeout\r\n')).toBe(true)
      expect(server.listenerCount('clientError')).toBe(0)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('validates its options when it is created', () => {
    expect(() => statusErrors({ timeout: { handler: 0 } })).toThrow(/timeout\.handler/)
    expect(() => statusErrors({ produces: ['json'] })).toThrow(/produces/)
    expect(() => statusErrors({ shed: { maxInFlight: 0 } })).toThrow(/maxInFlight/)
  })
})
