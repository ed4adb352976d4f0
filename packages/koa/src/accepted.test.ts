import { describe, expect, it } from 'vitest'
import { koaMajors } from '../../../test/conformance/harnesses/koa.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/koa.js'
import {
  accepted,
  forbidden,
  notImplemented,
  proxyAuthenticationRequired,
  StatusErrorsConfigError,
  statusErrors,
  unauthorized,
} from './index.js'

const DEFAULT_202 =
  '{"status":202,"title":"Accepted","description":"The request has been accepted for processing."}'

describe.each(koaMajors)('$name', ({ Koa }) => {
  it('answers 202 with Location and the documented body', async () => {
    const app = new Koa()
    app.use(statusErrors())
    app.use((ctx) => {
      accepted(ctx, { location: '/exports/42' })
    })
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'POST', path: '/exports' })

    expect(response.status).toBe(202)
    expect(response.headers.get('location')).toEqual(['/exports/42'])
    expect(response.headers.get('content-type')).toEqual(['application/json; charset=utf-8'])
    expect(response.body).toBe(DEFAULT_202)
  })

  it('throws a StatusErrorsConfigError naming the fix in an app without statusErrors()', async () => {
    let thrown: unknown
    const app = new Koa()
    app.use((ctx) => {
      try {
        accepted(ctx)
      } catch (error) {
        thrown = error
      }
      ctx.body = 'ok'
    })
    await sendRaw(await serve(app), { method: 'POST', path: '/exports' })
    expect(thrown).toBeInstanceOf(StatusErrorsConfigError)
    expect(String(thrown)).toContain('app.use(statusErrors())')
  })

  it('answers 202 with the options of the installed status-errors', async () => {
    const app = new Koa()
    app.use(statusErrors({ statuses: { 202: { description: 'Your export is being prepared.' } } }))
    app.use((ctx) => {
      accepted(ctx)
    })
    const port = await serve(app)

    const response = await sendRaw(port, { method: 'POST', path: '/exports' })

    expect(response.status).toBe(202)
    expect(response.headers.get('location')).toBeUndefined()
    expect(response.body).toBe(
      '{"status":202,"title":"Accepted","description":"Your export is being prepared."}',
    )
  })

  it('rejects a bad context or Location with a TypeError', async () => {
    const app = new Koa()
    const errors: unknown[] = []
    app.use((ctx) => {
      for (const call of [
        () => accepted(ctx, { location: '/a\r\nSet-Cookie: x=1' }),
        () => accepted(ctx, { location: '' }),
        () => accepted(ctx, { location: 42 as unknown as string }),
        () => accepted(ctx, 'nope' as unknown as { location: string }),
        () => accepted({} as typeof ctx),
      ]) {
        try {
          call()
        } catch (error) {
          errors.push(error)
        }
      }
      ctx.body = 'checked'
    })
    const port = await serve(app)

    expect((await sendRaw(port, { method: 'POST', path: '/' })).body).toBe('checked')
    expect(errors).toHaveLength(5)
    for (const error of errors) expect(error).toBeInstanceOf(TypeError)
  })
})

describe('helpers', () => {
  it('are re-exported and validate their challenge', () => {
    expect(() => unauthorized('')).toThrow(TypeError)
    expect(() => proxyAuthenticationRequired('Basic\r\nX: 1')).toThrow(TypeError)
    expect(unauthorized('Bearer realm="api"')).toMatchObject({ status: 401 })
    expect(forbidden('No.')).toMatchObject({ status: 403 })
    expect(notImplemented()).toMatchObject({ status: 501 })
  })
})
