import type { RequestHandler } from 'express'
import { describe, expect, it } from 'vitest'
import { expressMajors } from '../../../test/conformance/harnesses/express.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/express.js'
import { statusErrors } from './index.js'

const options = { success: 'documented' } as const

/** Stands for morgan and compression: on-headers assigns `res.statusCode` in its `writeHead` wrapper. */
const onHeadersLike: RequestHandler = (_req, res, next) => {
  const writeHead = res.writeHead
  res.writeHead = function (this: typeof res, status: number, ...rest: unknown[]) {
    this.statusCode = status
    return Reflect.apply(writeHead, this, [status, ...rest])
  } as typeof res.writeHead
  next()
}

const cases: readonly {
  name: string
  method: string
  route: RequestHandler
  before?: RequestHandler
  status: number
  contentLength?: string | null
}[] = [
  {
    name: 'keeps 200 for a POST that assigns res.statusCode = 200',
    method: 'POST',
    route: (_req, res) => {
      res.statusCode = 200
      res.json({ id: 7 })
    },
    status: 200,
  },
  {
    name: 'keeps 200 for a POST answered with res.sendStatus(200)',
    method: 'POST',
    route: (_req, res) => void res.sendStatus(200),
    status: 200,
  },
  {
    name: 'keeps 200 for a POST that calls res.writeHead(200, headers) itself',
    method: 'POST',
    route: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('made')
    },
    status: 200,
  },
  {
    name: 'answers 201 for a POST behind a writeHead wrapper that assigns the status',
    method: 'POST',
    before: onHeadersLike,
    route: (_req, res) => void res.json({ id: 7 }),
    status: 201,
  },
  {
    name: 'answers 204 without Content-Length for a DELETE ended with res.send("")',
    method: 'DELETE',
    route: (_req, res) => void res.send(''),
    status: 204,
    contentLength: null,
  },
  {
    name: 'keeps 200 for a DELETE that streams a body',
    method: 'DELETE',
    route: (_req, res) => {
      res.write('gone')
      res.end()
    },
    status: 200,
  },
  {
    name: 'keeps a redirect of a POST as it is',
    method: 'POST',
    route: (_req, res) => res.redirect(303, '/things/7'),
    status: 303,
  },
]

describe.each(expressMajors)('$name', (major) => {
  it.each(cases)('$name', async ({ method, route, before, status, contentLength }) => {
    const app = major.express()
    const errors = statusErrors(options)
    app.use(errors.guard)
    if (before !== undefined) app.use(before)
    app.all('/things', route)
    app.use(errors)
    const response = await sendRaw(await serve(app), { method, path: '/things' })
    expect(response.status).toBe(status)
    if (contentLength === null) expect(response.headers.has('content-length')).toBe(false)
  })

  it('watches only the methods whose default status may change', async () => {
    const watched: Record<string, boolean> = {}
    const app = major.express()
    const errors = statusErrors(options)
    app.use(errors.guard)
    app.all('/things', (req, res) => {
      watched[req.method] = Object.getOwnPropertyDescriptor(res, 'statusCode')?.get !== undefined
      res.json({ ok: true })
    })
    app.use(errors)
    const port = await serve(app)
    for (const method of ['GET', 'PUT', 'POST', 'DELETE']) await sendRaw(port, { method, path: '/things' })
    expect(watched).toEqual({ GET: false, PUT: false, POST: true, DELETE: true })
  })

  it('leaves the status of an error answer to a POST alone', async () => {
    const app = major.express()
    const errors = statusErrors({ ...options, onError: () => {} })
    app.use(errors.guard)
    app.post('/things', () => {
      throw new Error('kaboom')
    })
    app.use(errors)
    const response = await sendRaw(await serve(app), { method: 'POST', path: '/things' })
    expect(response.status).toBe(500)
  })
})
