import { connect } from 'node:net'
import type { NextFunction, Request, Response } from 'express'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expressMajors } from '../../../test/conformance/harnesses/express.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/express.js'
import { type ErrorInfo, httpError, statusErrors } from './index.js'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Everything the server sent before the connection ended, however it ended (FIN or RST). */
function readWholeConnection(port: number, path: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => {})
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
  })
}

describe.each(expressMajors)('$name', (major) => {
  it('returns an unmatched handler of arity 3 and an error handler of arity 4', () => {
    const [unmatched, errorHandler] = statusErrors()
    expect(unmatched.length).toBe(3)
    expect(errorHandler.length).toBe(4)
  })

  it('validates options when the handlers are created', () => {
    expect(() => statusErrors({ debug: 'yes' } as never)).toThrow(/debug/)
  })

  it('answers unmatched requests and thrown errors from one app.use call', async () => {
    const app = major.express()
    app.get('/boom', () => {
      throw new Error('kaboom')
    })
    app.use(statusErrors({ onError: () => {} }))
    const port = await serve(app)
    expect((await sendRaw(port, { method: 'GET', path: '/nope' })).status).toBe(404)
    expect((await sendRaw(port, { method: 'GET', path: '/boom' })).status).toBe(500)
  })

  it.each([{ how: 'a thrown error' }, { how: 'next(err)' }])(
    'reports $how after the headers were sent and cuts the connection instead of a second response',
    async ({ how }) => {
      const app = major.express()
      const late = new Error('late')
      const reported: unknown[] = []
      const passedOn: unknown[] = []
      app.get('/partial', (_req, res, next) => {
        res.write('partial')
        if (how === 'next(err)') return next(late)
        throw late
      })
      app.use(statusErrors({ onError: (error) => reported.push(error) }))
      app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => {
        passedOn.push(error)
        next(error)
      })
      const raw = await readWholeConnection(await serve(app), '/partial')
      expect(reported).toEqual([late])
      expect(passedOn).toEqual([])
      expect(raw.match(/HTTP\/1\.1 /g)).toHaveLength(1)
      expect(raw.startsWith('HTTP/1.1 200')).toBe(true)
      expect(raw).toContain('partial')
      // No last chunk: the response was cut, not completed.
      expect(raw.endsWith('0\r\n\r\n')).toBe(false)
    },
  )

  it('logs a 500 once with console.error and does not log a 404', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const app = major.express()
    const failure = new Error('kaboom')
    app.get('/boom', () => {
      throw failure
    })
    app.use(statusErrors())
    const port = await serve(app)
    await sendRaw(port, { method: 'GET', path: '/nope' })
    expect(log).not.toHaveBeenCalled()
    await sendRaw(port, { method: 'GET', path: '/boom' })
    expect(log).toHaveBeenCalledTimes(1)
    expect(log.mock.calls[0]).toEqual([expect.stringContaining('GET /boom'), failure])
  })

  it('calls onError instead of console.error with status, reason, method and path', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const onError = vi.fn<(error: unknown, info: ErrorInfo) => void>()
    const app = major.express()
    const failure = new Error('kaboom')
    app.post('/boom', () => {
      throw failure
    })
    app.use(statusErrors({ onError }))
    const port = await serve(app)
    await sendRaw(port, { method: 'POST', path: '/boom?x=1' })
    await sendRaw(port, { method: 'DELETE', path: '/boom' })
    expect(onError.mock.calls).toEqual([
      [failure, { status: 500, reason: 'thrown', method: 'POST', path: '/boom' }],
      [expect.anything(), { status: 405, reason: 'unmatched', method: 'DELETE', path: '/boom' }],
    ])
    expect(log).not.toHaveBeenCalled()
  })

  it('gives a thrown 405 without Allow the methods the routers know for the path', async () => {
    const app = major.express()
    const items = major.express.Router()
    items.get('/items', (_req, res) => void res.json([]))
    items.patch('/items', () => {
      throw httpError(405, 'Items are read-only today.')
    })
    app.use('/api', items)
    app.use(statusErrors())
    const response = await sendRaw(await serve(app), { method: 'PATCH', path: '/api/items' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toEqual(['GET, HEAD, OPTIONS, PATCH'])
  })

  it('writes the body with Node, so Express adds no ETag', async () => {
    const app = major.express()
    app.use(statusErrors())
    const response = await sendRaw(await serve(app), { method: 'GET', path: '/nope' })
    expect(response.headers.has('etag')).toBe(false)
    expect(response.headers.get('content-length')).toEqual([String(Buffer.byteLength(response.body))])
  })
})
