import { statusErrors as expressStatusErrors } from '@status-errors/express'
import { statusErrors as fastifyStatusErrors, frameworkErrors } from '@status-errors/fastify'
import { statusErrors as koaStatusErrors } from '@status-errors/koa'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from './harness.js'
import { expressMajors, listen as listenExpress } from './harnesses/express.js'
import { fastifyMajors, listen as listenFastify } from './harnesses/fastify.js'
import { koaMajors, listen as listenKoa, Router } from './harnesses/koa.js'
import { sendRaw } from './http-client.js'

/**
 * The default logging (no `onError`), framework by framework: a route's failure is logged once
 * through the framework's own channel; what status-errors answers by design — a 404, a 501 for an
 * unknown method, a 503 in maintenance — is not a server fault and logs nothing.
 */
interface LoggingApp {
  readonly name: string
  start(options: { maintenance?: boolean }): Promise<{ app: RunningApp; logged: () => unknown[] }>
}

const BOOM = new Error('kaboom')

const apps: LoggingApp[] = [
  ...expressMajors.map(
    (major): LoggingApp => ({
      name: major.name,
      async start(options) {
        const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
        const app = major.express()
        const errors = expressStatusErrors(options)
        app.use(errors.guard)
        app.get('/boom', () => {
          throw BOOM
        })
        app.use(errors)
        return { app: await listenExpress(app), logged: () => log.mock.calls.map((call) => call[1]) }
      },
    }),
  ),
  ...koaMajors.map(
    ({ name, Koa }): LoggingApp => ({
      name,
      async start(options) {
        const logged: unknown[] = []
        const app = new Koa()
        app.on('error', (error: unknown) => logged.push(error))
        app.use(koaStatusErrors(options))
        const router = new Router()
        router.get('/boom', () => {
          throw BOOM
        })
        app.use(router.routes())
        return { app: await listenKoa(app), logged: () => logged }
      },
    }),
  ),
  ...fastifyMajors.map(
    (major): LoggingApp => ({
      name: major.name,
      async start(options) {
        const logged: unknown[] = []
        const stream = {
          write(line: string) {
            const record = JSON.parse(line) as { level: number; err?: { message?: string } }
            if (record.level >= 50) logged.push(record.err?.message)
          },
        }
        const app = major.fastify({ logger: { stream, level: 'error' }, frameworkErrors })
        await app.register(fastifyStatusErrors, options)
        app.get('/boom', async () => {
          throw BOOM
        })
        return { app: await listenFastify(app), logged: () => logged }
      },
    }),
  ),
]

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each(apps)('$name', ({ start }) => {
  it('logs a failing route once, and stays silent for a 404 and a 501 for an unknown method', async () => {
    const { app, logged } = await start({})
    try {
      expect((await sendRaw(app.port, { method: 'GET', path: '/nope' })).status).toBe(404)
      expect((await sendRaw(app.port, { method: 'PURGE', path: '/boom' })).status).toBe(501)
      expect(logged()).toEqual([])
      expect((await sendRaw(app.port, { method: 'GET', path: '/boom' })).status).toBe(500)
      expect(logged()).toHaveLength(1)
      expect([BOOM, BOOM.message]).toContainEqual(logged()[0])
    } finally {
      await app.close()
    }
  })

  it('stays silent for a maintenance 503', async () => {
    const { app, logged } = await start({ maintenance: true })
    try {
      expect((await sendRaw(app.port, { method: 'GET', path: '/boom' })).status).toBe(503)
      expect(logged()).toEqual([])
    } finally {
      await app.close()
    }
  })
})
