import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { type FastifyMajor, fastifyMajors } from '../../../test/conformance/harnesses/fastify.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { type LogRecord, logCollector, serve } from '../../../test/support/fastify.js'
import { type StatusErrorsOptions, statusErrors } from './index.js'

const HANDLER_TIMEOUT = { timeout: { handler: 80 } } as const

/** An app with the plugin and a logger whose records the test can read. */
async function loggedApp(major: FastifyMajor, options: StatusErrorsOptions) {
  const log = logCollector()
  const app = major.fastify({ logger: { level: 'warn', stream: log.stream } })
  await app.register(statusErrors, options)
  return { app, records: log.records }
}

const errorsIn = (records: readonly LogRecord[]) => records.filter((record) => record.level >= 50)

/** Lets a late write of the slow route happen (and any crash or log it causes surface). */
const settle = () => delay(250)

describe.each(fastifyMajors)('$name', (major) => {
  describe('timeoutSignal', () => {
    it('aborts request.timeoutSignal when the handler timeout answers', async () => {
      const { app } = await loggedApp(major, HANDLER_TIMEOUT)
      let seen: { aborted: boolean; reason: unknown; at: number } | undefined
      app.get('/slow', async (request) => {
        const started = Date.now()
        const signal = request.timeoutSignal
        await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()))
        seen = { aborted: signal?.aborted === true, reason: signal?.reason, at: Date.now() - started }
        return 'late'
      })
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'GET', path: '/slow' })
      expect([response.status, response.body]).toEqual([503, jsonBody(503)])
      await settle()
      expect(seen?.aborted).toBe(true)
      expect(seen?.reason).toMatchObject({ name: 'TimeoutError' })
      expect(seen?.at).toBeGreaterThanOrEqual(70)
    })

    it('leaves request.timeoutSignal undefined without a handler timeout', async () => {
      const { app } = await loggedApp(major, { timeout: { body: 1000 } })
      app.get('/signal', async (request) => ({
        signal: request.timeoutSignal === undefined ? 'none' : 'set',
      }))
      const port = await serve(app)
      expect((await sendRaw(port, { method: 'GET', path: '/signal' })).body).toBe('{"signal":"none"}')
      expect(app.hasRequestDecorator('timeoutSignal')).toBe(false)
    })

    it('gives every request its own signal, not aborted when the route answers in time', async () => {
      const { app } = await loggedApp(major, HANDLER_TIMEOUT)
      const signals: (AbortSignal | undefined)[] = []
      app.get('/fast', async (request) => {
        signals.push(request.timeoutSignal)
        return 'ok'
      })
      const port = await serve(app)
      await sendRaw(port, { method: 'GET', path: '/fast' })
      await sendRaw(port, { method: 'GET', path: '/fast' })
      await settle()
      expect(signals).toHaveLength(2)
      expect(signals[0]).toBeInstanceOf(AbortSignal)
      expect(signals[0]).not.toBe(signals[1])
      expect(signals.map((signal) => signal?.aborted)).toEqual([false, false])
    })
  })

  describe('a slow route that writes after the timeout answered', () => {
    const lateWrites: readonly {
      readonly name: string
      readonly route: (app: FastifyInstance) => void
    }[] = [
      {
        name: 'calls reply.send',
        route: (app) =>
          app.get('/slow', (_request, reply) => {
            setTimeout(() => reply.code(200).header('x-late', '1').send({ late: true }), 150)
          }),
      },
      {
        name: 'returns a value from an async handler',
        route: (app) =>
          app.get('/slow', async () => {
            await delay(150)
            return { late: true }
          }),
      },
      {
        name: 'writes to reply.raw',
        route: (app) =>
          app.get('/slow', async (_request, reply) => {
            await delay(150)
            reply.raw.writeHead(200, { 'x-late': '1' })
            reply.raw.end('late')
            return reply
          }),
      },
    ]

    it.each(lateWrites)('sends one response and logs only the timeout when it $name', async ({ route }) => {
      const { app, records } = await loggedApp(major, HANDLER_TIMEOUT)
      route(app)
      app.get('/next', async () => 'still serving')
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'GET', path: '/slow' })
      await settle()
      expect([response.status, response.body, response.headers.has('x-late')]).toEqual([
        503,
        jsonBody(503),
        false,
      ])
      // Only the 503 itself, as a server fault; no "Reply was already sent" warning either.
      expect(records).toEqual([
        expect.objectContaining({ level: 50, msg: 'status-errors: server error response' }),
      ])
      expect((await sendRaw(port, { method: 'GET', path: '/next' })).body).toBe('still serving')
    })

    it('survives a route that rejects after the timeout (Fastify logs the late rejection)', async () => {
      const { app, records } = await loggedApp(major, HANDLER_TIMEOUT)
      app.get('/slow', async (request) => {
        // What a fetch given the signal does: it rejects once the signal aborts.
        await new Promise((_resolve, reject) =>
          request.timeoutSignal?.addEventListener('abort', () => reject(request.timeoutSignal?.reason)),
        )
      })
      app.get('/next', async () => 'still serving')
      const port = await serve(app)
      const response = await sendRaw(port, { method: 'GET', path: '/slow' })
      await settle()
      expect([response.status, response.body]).toEqual([503, jsonBody(503)])
      expect((await sendRaw(port, { method: 'GET', path: '/next' })).body).toBe('still serving')
      // The 503, then Fastify's own record of a rejection it could no longer answer (as with its
      // own handlerTimeout): after a response is over, Fastify has nowhere else to put it.
      expect(errorsIn(records).map((record) => record.msg)).toEqual([
        'status-errors: server error response',
        'Promise errored, but reply.sent = true was set',
      ])
    })

    it('answers 408 once and closes the connection when the body is late, then keeps serving', async () => {
      const { app, records } = await loggedApp(major, { timeout: { body: 80 } })
      app.post('/echo', async (request) => request.body)
      app.get('/next', async () => 'still serving')
      const port = await serve(app)
      const response = await sendRaw(port, {
        method: 'POST',
        path: '/echo',
        headers: { 'content-type': 'application/json' },
        body: '{"a":',
        declaredLength: 50,
      })
      await settle()
      expect([response.status, response.headers.get('connection'), response.body]).toEqual([
        408,
        ['close'],
        jsonBody(408),
      ])
      expect(records.filter((record) => record.level >= 40)).toHaveLength(0)
      expect((await sendRaw(port, { method: 'GET', path: '/next' })).body).toBe('still serving')
    })
  })

  describe('shedding', () => {
    it('gives the slot back when a response ends, so later requests get through', async () => {
      const { app } = await loggedApp(major, { shed: { maxInFlight: 1 } })
      app.get('/slow', async () => {
        await delay(200)
        return 'slow done'
      })
      app.get('/x', async () => 'ok')
      const port = await serve(app)
      const slow = sendRaw(port, { method: 'GET', path: '/slow' })
      await delay(80)
      const refused = await sendRaw(port, { method: 'GET', path: '/x' })
      expect((await slow).body).toBe('slow done')
      const second = await sendRaw(port, { method: 'GET', path: '/x' })
      const third = await sendRaw(port, { method: 'GET', path: '/x' })
      expect([refused.status, second.status, third.status]).toEqual([503, 200, 200])
    })

    it('gives the slot back after an error response and after an unmatched request', async () => {
      const { app } = await loggedApp(major, { shed: { maxInFlight: 1 } })
      app.get('/boom', async () => {
        throw new Error('boom')
      })
      app.get('/x', async () => 'ok')
      const port = await serve(app)
      expect((await sendRaw(port, { method: 'GET', path: '/boom' })).status).toBe(500)
      expect((await sendRaw(port, { method: 'GET', path: '/nope' })).status).toBe(404)
      expect((await sendRaw(port, { method: 'GET', path: '/x' })).status).toBe(200)
    })
  })

  describe("the server's own request timeout", () => {
    /** Node's request timeout at 100 ms, checked every 20 ms (with `serverFactory`, Fastify sets neither). */
    function quickServer(handler: Parameters<typeof createServer>[1]): Server {
      return createServer(
        { requestTimeout: 100, headersTimeout: 100, connectionsCheckingInterval: 20 },
        handler,
      )
    }

    it('still answers 408 to headers that arrive too slowly: no clientError listener is added', async () => {
      const withPlugin = major.fastify({ serverFactory: quickServer })
      const without = major.fastify({ serverFactory: quickServer })
      await withPlugin.register(statusErrors, { timeout: { body: 1000, handler: 1000 } })
      withPlugin.get('/x', async () => 'ok')
      const port = await serve(withPlugin)
      await without.ready()
      expect(withPlugin.server.listenerCount('clientError')).toBe(without.server.listenerCount('clientError'))
      await without.close()
      const answer = await sendSlowHeaders(port)
      expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    })
  })
})

/** Sends the request line and then nothing: the headers never complete. Resolves with what came back. */
function sendSlowHeaders(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.setTimeout(3000, () => socket.destroy(new Error('no answer within 3 s')))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.write('GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n')
  })
}
