import type { ErrorInfo } from '@status-errors/core'
import { describe, expect, it } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { type FastifyMajor, fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/fastify.js'
import { statusErrors } from './index.js'

const HOOK_MESSAGE = 'onSend failed: token=hunter2'

interface Reported {
  readonly error: unknown
  readonly info: ErrorInfo
}

/**
 * An app whose `onSend` hook throws on its first `failures` sends (every send by default), with a
 * route that answers, one that throws, and `onError` collecting what status-errors reports.
 */
async function failingHookApp(major: FastifyMajor, failures = Number.POSITIVE_INFINITY) {
  const reported: Reported[] = []
  const app = major.fastify()
  await app.register(statusErrors, { onError: (error, info) => void reported.push({ error, info }) })
  let sends = 0
  app.addHook('onSend', async (_request, _reply, payload) => {
    sends++
    if (sends <= failures) throw new Error(HOOK_MESSAGE)
    return payload
  })
  app.get('/ok', async () => ({ ok: true }))
  app.get('/boom', async () => {
    throw new Error('route failed')
  })
  return { port: await serve(app), reported, sends: () => sends }
}

describe.each(fastifyMajors)('$name: an onSend hook that throws while an answer is sent', (major) => {
  it.each(['/boom', '/missing', '/ok'])(
    'answers %s with the documented 500, never the hook message',
    async (path) => {
      const { port, reported } = await failingHookApp(major)
      const response = await sendRaw(port, { method: 'GET', path })
      expect([response.status, response.body]).toEqual([500, jsonBody(500)])
      expect(response.complete).toBe(true)
      expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
      // The last report is the hook's failure, as a server fault.
      const last = reported.at(-1)
      expect(last?.info).toMatchObject({ status: 500, reason: 'thrown', method: 'GET', path })
      expect(last?.error).toMatchObject({ message: HOOK_MESSAGE })
    },
  )

  it('keeps the hooks for the 500 when the hook fails only once', async () => {
    const { port, sends } = await failingHookApp(major, 1)
    const response = await sendRaw(port, { method: 'GET', path: '/ok' })
    expect([response.status, response.body]).toEqual([500, jsonBody(500)])
    // The route's send failed; status-errors' 500 went through the hook again, which passed it.
    expect(sends()).toBe(2)
  })

  it('answers HEAD with the 500 head and no body', async () => {
    const { port } = await failingHookApp(major)
    const response = await sendRaw(port, { method: 'HEAD', path: '/boom' })
    expect(response.status).toBe(500)
    expect(response.body).toBe('')
    expect(response.headers.get('content-length')).toEqual([String(Buffer.byteLength(jsonBody(500)))])
  })
})
