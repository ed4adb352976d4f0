import { describe, expect, it, vi } from 'vitest'
import { jsonBody } from '../../../test/conformance/cases/documented-bodies.js'
import { koaMajors, Router } from '../../../test/conformance/harnesses/koa.js'
import { sendRaw } from '../../../test/conformance/http-client.js'
import { serve } from '../../../test/support/koa.js'
import { type ErrorInfo, statusErrors } from './index.js'

describe.each(koaMajors)('$name', ({ Koa }) => {
  async function serveUsers(options?: Parameters<typeof statusErrors>[0]) {
    const app = new Koa()
    const router = new Router()
    router.get('/users/:id', (ctx) => {
      ctx.body = { id: ctx.params.id }
    })
    app.use(statusErrors(options))
    app.use(router.routes())
    return serve(app)
  }

  it('answers 400 before routing for malformed percent-encoding, with or without guard options', async () => {
    const onError = vi.fn<(error: unknown, info: ErrorInfo) => void>()
    const plain = await serveUsers({ onError })
    const guarded = await serveUsers({ maintenance: () => false })

    for (const port of [plain, guarded]) {
      const response = await sendRaw(port, { method: 'GET', path: '/users/%E0%A4%A' })
      expect(response.status).toBe(400)
      expect(response.body).toBe(jsonBody(400, 'Malformed percent-encoding in request path.'))
    }
    expect(onError).toHaveBeenCalledWith(expect.any(URIError), {
      status: 400,
      reason: 'thrown',
      method: 'GET',
      path: '/users/%E0%A4%A',
    })
  })

  it('passes well-formed escapes and a malformed query string through', async () => {
    const port = await serveUsers()

    const escaped = await sendRaw(port, { method: 'GET', path: '/users/a%20b' })
    const query = await sendRaw(port, { method: 'GET', path: '/users/7?q=%E0%A4%A' })

    expect(escaped.body).toBe('{"id":"a b"}')
    expect(query.body).toBe('{"id":"7"}')
  })
})
