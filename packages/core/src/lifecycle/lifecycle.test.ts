import { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { describe, expect, it, vi } from 'vitest'
import type { HeaderTarget } from '../headers.js'
import { httpError } from '../http-error.js'
import type { StatusErrorsOptions } from '../options.js'
import type { ErrorResponse } from '../render/response.js'
import { createStatusErrors } from '../status-errors.js'
import type { RouteMethods } from '../unmatched.js'
import { createLifecycle } from './lifecycle.js'
import type { AdapterPort } from './port.js'

/** A response as far as the lifecycle reads it, with headers in a map. */
class FakeResponse extends EventEmitter implements HeaderTarget {
  headersSent = false
  writableEnded = false
  destroyed = false
  readonly headers = new Map<string, unknown>()
  getHeaderNames = () => [...this.headers.keys()]
  getHeader = (name: string) => this.headers.get(name)
  setHeader = (name: string, value: unknown) => this.headers.set(name, value)
  removeHeader = (name: string) => this.headers.delete(name)
  destroy = vi.fn(() => {
    this.destroyed = true
  })
  /** What `writeNodeResponse` wrote, for the phases that write to Node's response directly. */
  statusCode = 200
  body: string | undefined
  end = (body: string) => {
    this.body = body
    this.writableEnded = true
  }
}

interface FakeContext {
  readonly method: string
  readonly res: FakeResponse
  readonly written: ErrorResponse[]
  readonly logged: unknown[]
  rejectedByRouter?: boolean
  abandoned?: boolean
}

const ROUTES: RouteMethods = { pathMethods: new Set(['POST']), appMethods: new Set(['POST']) }

const fakePort: AdapterPort<FakeContext> = {
  request: (context) => ({ method: context.method, path: '/x', accept: undefined }),
  nodeRequest: () => ({ complete: true, headers: {} }) as unknown as IncomingMessage,
  nodeResponse: (context) => context.res as unknown as ServerResponse,
  headers: (context) => context.res,
  write: (context, answer) => {
    context.written.push(answer)
    context.res.headersSent = true
  },
  abandon: (context) => {
    context.abandoned = true
  },
  log: (context, error) => context.logged.push(error),
  routeMethods: () => ROUTES,
  rejectedByRouter: (context) => context.rejectedByRouter === true,
}

function setUp(options?: StatusErrorsOptions) {
  const lifecycle = createLifecycle(createStatusErrors(options), fakePort)
  const context = (method = 'GET'): FakeContext => ({
    method,
    res: new FakeResponse(),
    written: [],
    logged: [],
  })
  return { lifecycle, context }
}

describe('reporting', () => {
  it('logs a thrown 5xx through the port, once', () => {
    const { lifecycle, context } = setUp()
    const ctx = context()
    const error = new Error('x')
    lifecycle.answerError(ctx, error)
    expect(ctx.written.map((answer) => answer.status)).toEqual([500])
    expect(ctx.logged).toEqual([error])
  })

  it.each([
    [
      'a thrown 4xx',
      (lifecycle: Setup['lifecycle'], ctx: FakeContext) => lifecycle.answerError(ctx, httpError(404)),
    ],
    [
      'an unknown method (501)',
      (lifecycle: Setup['lifecycle'], ctx: FakeContext) => lifecycle.answerUnmatched(ctx),
    ],
  ])('does not log %s', (_name, act) => {
    const { lifecycle, context } = setUp()
    const ctx = context('BREW')
    act(lifecycle, ctx)
    expect(ctx.written).toHaveLength(1)
    expect(ctx.logged).toEqual([])
  })

  it('does not log a maintenance refusal (503) and keeps the route from running', () => {
    const { lifecycle, context } = setUp({ maintenance: true })
    const ctx = context()
    expect(lifecycle.admit(ctx)).toBe(false)
    expect(ctx.written.map((answer) => answer.status)).toEqual([503])
    expect(ctx.logged).toEqual([])
  })

  it('gives onError every error answer with its reason, and logs nothing itself', () => {
    const onError = vi.fn()
    const { lifecycle, context } = setUp({ onError })
    const ctx = context('BREW')
    lifecycle.answerUnmatched(ctx)
    lifecycle.answerError(context(), new Error('x'))
    expect(onError.mock.calls.map(([, info]) => info)).toEqual([
      { status: 501, reason: 'unmatched', method: 'BREW', path: '/x' },
      { status: 500, reason: 'thrown', method: 'GET', path: '/x' },
    ])
    expect(ctx.logged).toEqual([])
  })

  it('survives a throwing onError and logs its failure instead', () => {
    const failure = new Error('logger down')
    const { lifecycle, context } = setUp({
      onError: () => {
        throw failure
      },
    })
    const ctx = context()
    expect(() => lifecycle.answerError(ctx, httpError(400))).not.toThrow()
    expect(ctx.written).toHaveLength(1)
    expect(ctx.logged).toEqual([failure])
  })
})

type Setup = ReturnType<typeof setUp>

describe('headers already sent', () => {
  it.each([
    ['answerError', 'mid-stream'],
    ['answerSendFailure', 'onSend failed'],
  ] as const)(
    '%s closes the connection on the next turn instead of writing a second response, and reports',
    async (phase, message) => {
      const { lifecycle, context } = setUp()
      const ctx = context()
      ctx.res.headersSent = true
      const error = new Error(message)
      lifecycle[phase](ctx, error)
      expect(ctx.written).toEqual([])
      expect(ctx.logged).toEqual([error])
      expect(ctx.abandoned).toBe(true)
      expect(ctx.res.destroy).not.toHaveBeenCalled()
      await nextTurn()
      expect(ctx.res.destroy).toHaveBeenCalledOnce()
    },
  )

  it('leaves a response that already ended alone', async () => {
    const { lifecycle, context } = setUp()
    const ctx = context()
    ctx.res.headersSent = true
    ctx.res.writableEnded = true
    lifecycle.answerError(ctx, new Error('after the end'))
    lifecycle.answerUnmatched(ctx)
    await nextTurn()
    expect(ctx.res.destroy).not.toHaveBeenCalled()
    expect(ctx.written).toEqual([])
  })

  it('cuts a started response passed on as unmatched', async () => {
    const { lifecycle, context } = setUp()
    const ctx = context()
    ctx.res.headersSent = true
    lifecycle.answerUnmatched(ctx)
    await nextTurn()
    expect(ctx.res.destroy).toHaveBeenCalledOnce()
    expect(ctx.written).toEqual([])
  })
})

describe('accepted', () => {
  it('writes the documented 202 with its Location, without reporting it', () => {
    const onError = vi.fn()
    const { lifecycle, context } = setUp({ onError })
    const ctx = context('POST')
    lifecycle.answerAccepted(ctx, { location: '/jobs/7' })
    expect(ctx.written[0]?.status).toBe(202)
    expect(ctx.written[0]?.headers).toContainEqual(['location', '/jobs/7'])
    expect(onError).not.toHaveBeenCalled()
  })

  it.each([
    ['a string instead of options', '/jobs/7'],
    ['a null', null],
    ['a numeric location', { location: 7 }],
    ['an empty location', { location: '' }],
    ['a location with CR/LF', { location: '/a\r\nSet-Cookie: x' }],
  ])('throws a TypeError for %s, whether or not the response started', (_name, options) => {
    const { lifecycle, context } = setUp()
    const fresh = context('POST')
    const started = context('POST')
    started.res.headersSent = true
    expect(() => lifecycle.answerAccepted(fresh, options)).toThrow(TypeError)
    expect(() => lifecycle.answerAccepted(started, options)).toThrow(TypeError)
    expect(fresh.written).toEqual([])
  })

  it('writes nothing once the response has started', () => {
    const { lifecycle, context } = setUp()
    const ctx = context('POST')
    ctx.res.headersSent = true
    lifecycle.answerAccepted(ctx, undefined)
    expect(ctx.written).toEqual([])
  })
})

describe('routing verdicts', () => {
  it("answers a router's own 405 without Allow as unmatched, with the path's Allow", () => {
    const { lifecycle, context } = setUp()
    const ctx = { ...context(), rejectedByRouter: true }
    lifecycle.answerError(ctx, httpError(405))
    expect(ctx.written[0]?.status).toBe(405)
    expect(ctx.written[0]?.headers).toContainEqual(['allow', 'OPTIONS, POST'])
  })

  it("keeps a route's own 405 that brings its Allow", () => {
    const { lifecycle, context } = setUp()
    const ctx = { ...context(), rejectedByRouter: true }
    lifecycle.answerError(ctx, httpError(405, undefined, { headers: { Allow: 'PUT' } }))
    expect(ctx.written[0]?.headers).toContainEqual(['allow', 'PUT'])
  })
})

describe('documented success', () => {
  it('watches only the methods whose default 200 may change', () => {
    const { lifecycle } = setUp({ success: 'documented' })
    expect(['GET', 'PUT', 'POST', 'DELETE'].filter((method) => lifecycle.watchesSuccess(method))).toEqual([
      'POST',
      'DELETE',
    ])
    expect(setUp().lifecycle.watchesSuccess('POST')).toBe(false)
  })

  it.each([
    ['an empty string', ''],
    ['an empty Buffer', Buffer.alloc(0)],
    ['an empty Uint8Array', new Uint8Array(0)],
    ['no body', undefined],
  ])('turns a DELETE ending with %s into a 204 without content headers', (_name, body) => {
    const { lifecycle, context } = setUp({ success: 'documented' })
    const ctx = context('DELETE')
    ctx.res.setHeader('content-type', 'text/plain')
    ctx.res.setHeader('content-length', '0')
    ctx.res.setHeader('x-request-id', '7')
    expect(lifecycle.successStatus(ctx, 'DELETE', { status: 200, explicit: false, body })).toBe(204)
    expect(ctx.res.getHeaderNames()).toEqual(['x-request-id'])
  })

  it('keeps a status the route set itself', () => {
    const { lifecycle, context } = setUp({ success: 'documented' })
    expect(
      lifecycle.successStatus(context('POST'), 'POST', { status: 200, explicit: true, body: '{}' }),
    ).toBe(200)
  })
})

describe('a write that fails', () => {
  function failingOnce(port: AdapterPort<FakeContext>): AdapterPort<FakeContext> {
    let failed = false
    return {
      ...port,
      write: (context, answer) => {
        context.res.setHeader('www-authenticate', 'half-written')
        if (!failed) {
          failed = true
          throw new TypeError('Invalid character in header content')
        }
        port.write(context, answer)
        context.res.removeHeader('www-authenticate')
      },
    }
  }

  it('takes the failed headers back, writes the documented 500 and logs the failure', () => {
    const lifecycle = createLifecycle(createStatusErrors({ onError: () => {} }), failingOnce(fakePort))
    const ctx: FakeContext = { method: 'GET', res: new FakeResponse(), written: [], logged: [] }
    lifecycle.answerError(ctx, httpError(401))
    expect(ctx.written.map((answer) => answer.status)).toEqual([500])
    expect(ctx.written[0]?.headers.map(([name]) => name)).not.toContain('www-authenticate')
    expect(ctx.logged).toEqual([expect.any(TypeError)])
  })

  it('closes the connection when even the 500 cannot be written', async () => {
    const alwaysFailing: AdapterPort<FakeContext> = {
      ...fakePort,
      write: () => {
        throw new TypeError('refused')
      },
    }
    const lifecycle = createLifecycle(createStatusErrors({ onError: () => {} }), alwaysFailing)
    const ctx: FakeContext = { method: 'GET', res: new FakeResponse(), written: [], logged: [] }
    lifecycle.answerError(ctx, httpError(401))
    await nextTurn()
    expect(ctx.abandoned).toBe(true)
    expect(ctx.res.destroy).toHaveBeenCalledOnce()
  })
})

describe('answerSendFailure', () => {
  it('writes the documented 500 to Node’s response, not through the port, and reports the failure', () => {
    const { lifecycle, context } = setUp()
    const ctx = context()
    ctx.res.headers.set('content-type', 'text/csv')
    ctx.res.headers.set('x-request-id', 'r-1')
    const failure = new Error('onSend failed')
    lifecycle.answerSendFailure(ctx, failure)
    expect(ctx.written).toEqual([])
    expect(ctx.res.statusCode).toBe(500)
    expect(JSON.parse(ctx.res.body ?? '')).toMatchObject({ status: 500 })
    expect(ctx.res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(ctx.res.headers.get('x-request-id')).toBe('r-1')
    expect(ctx.logged).toEqual([failure])
  })

  it('reports to onError, not the log, when onError is given', () => {
    const reported: unknown[] = []
    const { lifecycle, context } = setUp({ onError: (error) => void reported.push(error) })
    const ctx = context()
    ctx.res.headersSent = true
    const failure = new Error('onSend failed')
    lifecycle.answerSendFailure(ctx, failure)
    expect([reported, ctx.logged]).toEqual([[failure], []])
  })
})
