import { describe, expect, it } from 'vitest'
import { forbidden, notImplemented, proxyAuthenticationRequired, unauthorized } from './helpers.js'

describe('helpers', () => {
  it('unauthorized carries its challenges', () => {
    const error = unauthorized(['Bearer realm="api"', 'Basic realm="api"'], 'Log in.')
    expect(error).toMatchObject({ status: 401, detail: 'Log in.', expose: true })
    expect(error.headers).toEqual({ 'WWW-Authenticate': ['Bearer realm="api"', 'Basic realm="api"'] })
  })

  it('proxyAuthenticationRequired carries Proxy-Authenticate', () => {
    expect(proxyAuthenticationRequired('Basic realm="proxy"').headers).toEqual({
      'Proxy-Authenticate': 'Basic realm="proxy"',
    })
  })

  it.each([
    [''],
    ['  '],
    ['Basic\r\nSet-Cookie: x=1'],
    ['Bearer realm="日本"'],
    ['Basic\u0001'],
    [`Basic ${'x'.repeat(5000)}`],
    [[]],
    [42],
  ])('rejects the challenge %j', (challenge) => {
    expect(() => unauthorized(challenge as never)).toThrow(TypeError)
    expect(() => proxyAuthenticationRequired(challenge as never)).toThrow(TypeError)
  })

  it('forbidden is a 403 with its detail', () => {
    expect(forbidden('Not yours.')).toMatchObject({ status: 403, detail: 'Not yours.', expose: true })
  })

  it('notImplemented shows its detail although it is a 5xx, and nothing without one', () => {
    expect(notImplemented('In version 2.')).toMatchObject({
      status: 501,
      expose: true,
      detail: 'In version 2.',
    })
    expect(notImplemented()).toMatchObject({ status: 501, expose: false })
  })

  it('keeps the cause', () => {
    const cause = new Error('root')
    expect(forbidden(undefined, { cause }).cause).toBe(cause)
  })
})
