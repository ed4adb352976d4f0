import type { ErrorInfo } from '@status-errors/core'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { type FastifyMajor, fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/fastify.js'
import { httpError, statusErrors } from './index.js'

// Found in review: Fastify hands an onSend failure to the next error handler up the chain, and
// above status-errors' that was Fastify's default, which sent the hook's message to the client.
const HOOK_MESSAGE = 'onSend failed: token=hunter2'

/** What status-errors reported, as `[status, reason, message]`. */
type Report = readonly [number, ErrorInfo['reason'], string]

interface HookOptions {
  /** How many sends the hook fails (every one by default). */
  readonly failures?: number
  /** What the hook throws. */
  readonly failure?: () => Error
  /** Routes added in an encapsulated child plugin with an error handler of its own. */
  readonly child?: (app: FastifyInstance) => void
}

/**
 * An app with a failing `onSend` hook, an `onRequest` hook that sets CORS and request-id headers,
 * a route that answers, one that throws, and `onError` collecting what status-errors reports.
 */
async function failingHookApp(major: FastifyMajor, options: HookOptions = {}) {
  const { failures = Number.POSITIVE_INFINITY, failure = () => new Error(HOOK_MESSAGE) } = options
  const reported: Report[] = []
  const app = major.fastify()
  await app.register(statusErrors, {
    onError: (error, info) => void reported.push([info.status, info.reason, (error as Error).message]),
  })
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*').header('x-request-id', 'r-1')
  })
  let sends = 0
  app.addHook('onSend', async (_request, _reply, payload) => {
    sends++
    if (sends <= failures) throw failure()
    return payload
  })
  app.get('/ok', async () => ({ ok: true }))
  app.get('/boom', async () => {
    throw new Error('route failed')
  })
  if (options.child !== undefined) await app.register(async (child) => options.child?.(child))
  return { port: await serve(app), reported, sends: () => sends }
}

const HOOK_500: Report = [500, 'thrown', HOOK_MESSAGE]

const everySendFails = [
  // The route's error is reported when its 500 is written; the hook's failure when it is answered.
  { method: 'GET', path: '/boom', reported: [[500, 'thrown', 'route failed'], HOOK_500] },
  // The 404 fails in the hook: status-errors' error handler answers that (a 500 sent through the
  // hooks, which fail again), then the fallback.
  { method: 'GET', path: '/missing', reported: [[404, 'unmatched', 'Not Found'], HOOK_500, HOOK_500] },
  { method: 'POST', path: '/ok', reported: [[405, 'unmatched', 'Method Not Allowed'], HOOK_500, HOOK_500] },
  { method: 'GET', path: '/ok', reported: [HOOK_500, HOOK_500] },
] as const

describe.each(fastifyMajors)('$name: an onSend hook that throws while an answer is sent', (major) => {
  it.each(everySendFails)(
    'answers $method $path with the documented 500, never the hook message',
    async ({ method, path, reported: expected }) => {
      const { port, reported } = await failingHookApp(major)
      const response = await sendRaw(port, { method, path })
      expect([response.status, response.body]).toEqual([500, jsonBody(500)])
      expect(response.complete).toBe(true)
      expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
      expect(reported).toEqual(expected)
    },
  )

  it('keeps the headers set with reply.header, but not the failed answer’s Allow', async () => {
    const { port } = await failingHookApp(major)
    const response = await sendRaw(port, { method: 'POST', path: '/ok' })
    expect(response.status).toBe(500)
    expect(response.headers.get('access-control-allow-origin')).toEqual(['*'])
    expect(response.headers.get('x-request-id')).toEqual(['r-1'])
    expect(response.headers.get('vary')).toEqual(['Accept'])
    expect(response.headers.has('allow')).toBe(false)
  })

  it('answers the hook failure through the hooks when they pass the answer', async () => {
    const { port, sends } = await failingHookApp(major, { failures: 1 })
    const response = await sendRaw(port, { method: 'GET', path: '/ok' })
    expect([response.status, response.body]).toEqual([500, jsonBody(500)])
    // The route's send failed; status-errors' 500 went through the hook again, which passed it.
    expect(sends()).toBe(2)
  })

  it('takes the failed 405’s Allow back from the 500 sent through the hooks', async () => {
    const { port, sends } = await failingHookApp(major, { failures: 1 })
    const response = await sendRaw(port, { method: 'POST', path: '/ok' })
    expect([response.status, response.body]).toEqual([500, jsonBody(500)])
    expect(sends()).toBe(2)
    expect(response.headers.get('x-request-id')).toEqual(['r-1'])
    expect(response.headers.has('allow')).toBe(false)
  })

  it('classifies what the hook throws, like any error', async () => {
    const { port } = await failingHookApp(major, { failures: 1, failure: () => httpError(403) })
    const response = await sendRaw(port, { method: 'GET', path: '/ok' })
    expect([response.status, response.body]).toEqual([403, jsonBody(403)])
  })

  it('answers failures after a child plugin’s own error handler the same way', async () => {
    const { port, reported } = await failingHookApp(major, {
      child: (child) => {
        child.setErrorHandler(async (_error, _request, reply) => reply.code(418).send('teapot'))
        child.get('/child', async () => {
          throw new Error('child route failed')
        })
      },
    })
    const response = await sendRaw(port, { method: 'GET', path: '/child' })
    expect([response.status, response.body]).toEqual([500, jsonBody(500)])
    expect(reported).toEqual([HOOK_500, HOOK_500])
  })

  it('leaves the answer of a timeout that fired while the hook ran, and reports no 500 for it', async () => {
    const reported: Report[] = []
    const app = major.fastify()
    await app.register(statusErrors, {
      timeout: { handler: 50 },
      onError: (error, info) => void reported.push([info.status, info.reason, (error as Error).message]),
    })
    app.addHook('onSend', async () => {
      await new Promise((resolve) => setTimeout(resolve, 150))
      throw new Error(HOOK_MESSAGE)
    })
    app.get('/boom', async () => {
      throw new Error('route failed')
    })
    const port = await serve(app)
    const response = await sendRaw(port, { method: 'GET', path: '/boom' })
    expect([response.status, response.body]).toEqual([503, jsonBody(503)])
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(reported.map(([status, reason]) => [status, reason])).toEqual([
      [500, 'thrown'],
      [503, 'timeout'],
    ])
  })

  it('answers HEAD with the 500 head and no body', async () => {
    const { port } = await failingHookApp(major)
    const response = await sendRaw(port, { method: 'HEAD', path: '/boom' })
    expect(response.status).toBe(500)
    expect(response.body).toBe('')
    expect(response.headers.get('content-length')).toEqual([String(Buffer.byteLength(jsonBody(500)))])
  })
})
