import { describe, expect, it, vi } from 'vitest'
import { StatusErrorsConfigError } from './errors.js'
import { httpError } from './http-error.js'
import { createStatusErrors, type RequestInfo, type StatusErrors } from './status-errors.js'

const get: RequestInfo = { method: 'GET', path: '/x', accept: undefined }
const head: RequestInfo = { method: 'HEAD', path: '/x', accept: undefined }

describe('createStatusErrors', () => {
  it('renders the documented body with the standard headers', () => {
    const { status, headers, body } = createStatusErrors().respondToError(httpError(404), get)
    expect(status).toBe(404)
    expect(body).toBe(
      '{"status":404,"title":"Not Found","description":"The server could not find the requested page."}',
    )
    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(body.length),
      'x-content-type-options': 'nosniff',
      vary: 'Accept',
      'cache-control': 'no-store',
    })
  })

  it('sends no body for HEAD but the GET Content-Length', () => {
    const engine = createStatusErrors()
    const full = engine.respondToError(httpError(409, 'Taken.'), get)
    const bodiless = engine.respondToError(httpError(409, 'Taken.'), head)
    expect(bodiless.body).toBe('')
    expect(bodiless.headers).toEqual(full.headers)
  })

  it('counts Content-Length in bytes, not characters', () => {
    const { headers, body } = createStatusErrors().respondToError(httpError(400, 'Größe ✓'), get)
    expect(Object.fromEntries(headers)['content-length']).toBe(String(Buffer.byteLength(body)))
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length)
  })

  it('renders a response without detail once and reuses it', () => {
    const engine = createStatusErrors()
    const first = engine.respondToError(new Error('a'), get)
    const second = engine.respondToError(new Error('b'), get)
    expect(second.headers).toBe(first.headers)
    expect(second.error).not.toBe(first.error)
  })

  it('appends the error headers after the standard ones', () => {
    const { headers } = createStatusErrors().respondToError(
      httpError(401, undefined, { headers: { 'WWW-Authenticate': 'Basic realm="x"' } }),
      get,
    )
    expect(headers.at(-1)).toEqual(['www-authenticate', 'Basic realm="x"'])
  })

  it('answers OPTIONS on a routed path with 204, Allow and nothing else', () => {
    const handled = createStatusErrors().respondToUnmatched(
      { method: 'OPTIONS', path: '/x', accept: undefined },
      { pathMethods: new Set(['GET']), appMethods: new Set(['GET']) },
    )
    expect(handled).toEqual({
      status: 204,
      headers: [['allow', 'GET, HEAD, OPTIONS']],
      defaultHeaders: [],
      body: '',
      reason: 'unmatched',
      error: undefined,
    })
  })

  it.each([
    ['a thrown error', (engine: StatusErrors) => engine.respondToError(new Error('x'), get), 'thrown'],
    [
      'an unmatched request',
      (engine: StatusErrors) =>
        engine.respondToUnmatched(get, { pathMethods: new Set(), appMethods: undefined }),
      'unmatched',
    ],
    ['a maintenance refusal', (engine: StatusErrors) => engine.admit(get), 'refused'],
    ['a 202', (engine: StatusErrors) => engine.respondToAccepted(get), 'accepted'],
  ])('says why it answers %s', (_name, answer, reason) => {
    expect(answer(createStatusErrors({ maintenance: true }))?.reason).toBe(reason)
  })

  it('includes the stack only with debug', () => {
    const error = new Error('kaboom')
    expect(createStatusErrors().respondToError(error, get).body).not.toContain('kaboom')
    expect(createStatusErrors({ debug: true }).respondToError(error, get).body).toContain(
      'Error: kaboom\\n    at ',
    )
  })
})

describe('options', () => {
  it.each([
    ['an unknown option', { unknown: true }],
    ['a non-boolean debug', { debug: 'yes' }],
    ['a bad undocumented mode', { undocumented: 'keep' }],
    ['a non-function onError', { onError: 'console' }],
    ['a non-function problemType', { problemType: 'https://x' }],
    ['a non-object statuses', { statuses: 429 }],
    ['a bad status definition', { statuses: { 429: { description: '' } } }],
    ['a challenge Node would refuse', { challenge: 'Bearer realm="日本"' }],
    ['a proxy challenge with a control character', { proxyChallenge: 'Basic\u0007' }],
    ['a non-object', 'strict'],
  ])('rejects %s at startup', (_name, options) => {
    expect(() => createStatusErrors(options as never)).toThrow(StatusErrorsConfigError)
  })

  it('names the bad option in the message', () => {
    expect(() => createStatusErrors({ debug: 'yes' } as never)).toThrow(
      'status-errors: "debug" must be a boolean',
    )
  })
})

describe('required headers', () => {
  const engine = createStatusErrors({ retryAfter: 120, challenge: 'Bearer realm="x"' })

  it.each([
    [401, [['www-authenticate', 'Bearer realm="x"']]],
    [407, [['proxy-authenticate', 'Basic realm="proxy"']]],
    [503, [['retry-after', '120']]],
    [500, []],
  ])('gives a %s its default headers', (status, defaults) => {
    expect(engine.respondToError(httpError(status), get).defaultHeaders).toEqual(defaults)
  })

  it('takes Allow for a thrown 405 from the router', () => {
    const handled = engine.respondToError(httpError(405), get, () => ({
      pathMethods: new Set(['GET', 'POST']),
      appMethods: undefined,
    }))
    expect(handled.defaultHeaders).toEqual([['allow', 'GET, HEAD, OPTIONS, POST']])
  })

  it('asks the router only for a 405', () => {
    const routes = vi.fn()
    engine.respondToError(httpError(404), get, routes)
    expect(routes).not.toHaveBeenCalled()
  })
})

describe('guard', () => {
  it('admits everything without guard options', () => {
    expect(createStatusErrors().admit(get)).toBeUndefined()
    expect(createStatusErrors().options.earlyOptions).toEqual([])
  })

  it('refuses with a rendered 503 during maintenance, with Retry-After', () => {
    const refusal = createStatusErrors({ maintenance: true }).admit(get)
    expect(refusal?.status).toBe(503)
    expect(refusal?.defaultHeaders).toEqual([['retry-after', '30']])
  })

  it('renders the documented 202 with a Location', () => {
    const accepted = createStatusErrors().respondToAccepted(get, '/jobs/7')
    expect(accepted.status).toBe(202)
    expect(accepted.body).toBe(
      '{"status":202,"title":"Accepted","description":"The request has been accepted for processing."}',
    )
    expect(accepted.headers).toContainEqual(['location', '/jobs/7'])
  })

  it.each([['/a\r\nSet-Cookie: x'], ['/jobs/日本'], ['/jobs/caf\u00e9'], ['/a b'], ['']])(
    'rejects the Location %j',
    (location) => {
      expect(() => createStatusErrors().respondToAccepted(get, location)).toThrow(TypeError)
    },
  )

  it('applies the documented success statuses only when asked', () => {
    const exchange = { method: 'POST', status: 200, explicit: false, hasBody: true }
    expect(createStatusErrors().successStatus(exchange)).toBe(200)
    expect(createStatusErrors({ success: 'documented' }).successStatus(exchange)).toBe(201)
  })
})
