import { describe, expect, it } from 'vitest'
import { expressMajors } from '../../../test/conformance/harnesses/express.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/express.js'
import {
  accepted,
  forbidden,
  notImplemented,
  proxyAuthenticationRequired,
  StatusErrorsConfigError,
  statusErrors,
  unauthorized,
} from './index.js'

const DEFAULT_BODY =
  '{"status":202,"title":"Accepted","description":"The request has been accepted for processing."}'

describe.each(expressMajors)('$name', (major) => {
  it('answers 202 with the documented body and its Location', async () => {
    const app = major.express()
    app.post('/exports', (_req, res) => accepted(res, { location: '/exports/42' }))
    app.use(statusErrors())
    const response = await sendRaw(await serve(app), { method: 'POST', path: '/exports' })
    expect(response.status).toBe(202)
    expect(response.headers.get('location')).toEqual(['/exports/42'])
    expect(response.body).toBe(DEFAULT_BODY)
  })

  it('throws a StatusErrorsConfigError naming the fix when the app has no statusErrors()', async () => {
    let thrown: unknown
    const app = major.express()
    app.post('/exports', (_req, res) => {
      try {
        accepted(res)
      } catch (error) {
        thrown = error
      }
      res.end()
    })
    await sendRaw(await serve(app), { method: 'POST', path: '/exports' })
    expect(thrown).toBeInstanceOf(StatusErrorsConfigError)
    expect(thrown).toMatchObject({ code: 'ERR_STATUS_ERRORS_MISPLACED' })
    expect(String(thrown)).toContain('app.use(statusErrors())')
  })

  it('uses the options of the installation of the app, or of the app a sub-app is mounted in', async () => {
    const app = major.express()
    const sub = major.express()
    app.post('/exports', (_req, res) => accepted(res))
    sub.post('/exports', (_req, res) => accepted(res))
    app.use('/sub', sub)
    app.use(statusErrors({ statuses: { 202: { description: 'Queued.' } } }))
    const port = await serve(app)
    for (const path of ['/exports', '/sub/exports']) {
      const response = await sendRaw(port, { method: 'POST', path })
      expect(response.status).toBe(202)
      expect(JSON.parse(response.body)).toMatchObject({ description: 'Queued.' })
    }
  })

  it('throws a TypeError for an invalid location or options', async () => {
    const failures: string[] = []
    const app = major.express()
    app.post('/exports', (_req, res) => {
      for (const options of [{ location: 'a\r\nSet-Cookie: x' }, { location: '' }, { location: 42 }, 'x']) {
        try {
          accepted(res, options as never)
        } catch (error) {
          if (error instanceof TypeError) failures.push(error.message)
        }
      }
      res.json({ failures: failures.length })
    })
    app.use(statusErrors())
    const response = await sendRaw(await serve(app), { method: 'POST', path: '/exports' })
    expect(response.body).toBe('{"failures":4}')
    expect(failures.every((message) => message.startsWith('status-errors:'))).toBe(true)
  })
})

describe('helpers', () => {
  it('validate their challenges', () => {
    expect(() => unauthorized('')).toThrow(TypeError)
    expect(() => unauthorized('Bearer\r\nx')).toThrow(TypeError)
    expect(() => proxyAuthenticationRequired([])).toThrow(TypeError)
  })

  it('build errors with the status and headers of their row', () => {
    expect(unauthorized('Bearer realm="api"').status).toBe(401)
    expect(proxyAuthenticationRequired('Basic realm="proxy"').status).toBe(407)
    expect(forbidden('No.').status).toBe(403)
    expect(notImplemented('Later.').status).toBe(501)
  })
})
