import { describe, expect, it } from 'vitest'
import { HttpError, httpError, isHttpError } from './http-error.js'

describe('HttpError', () => {
  it('speaks the http-errors protocol', () => {
    const error = httpError(404, 'No such user.')
    expect(error).toMatchObject({
      status: 404,
      statusCode: 404,
      expose: true,
      message: 'No such user.',
      detail: 'No such user.',
    })
    expect(error).toBeInstanceOf(Error)
  })

  it('uses the reason phrase as message when there is no detail', () => {
    expect(new HttpError(409)).toMatchObject({ message: 'Conflict', detail: undefined })
  })

  it('does not expose 5xx by default', () => {
    expect(httpError(503).expose).toBe(false)
    expect(httpError(503, 'x', { expose: true }).expose).toBe(true)
  })

  it('keeps the cause and the headers', () => {
    const cause = new Error('root')
    const error = httpError(401, undefined, { cause, headers: { 'WWW-Authenticate': 'Basic' } })
    expect(error.cause).toBe(cause)
    expect(error.headers).toEqual({ 'WWW-Authenticate': 'Basic' })
  })
})

describe('isHttpError', () => {
  it('recognises its own errors', () => {
    expect(isHttpError(httpError(400))).toBe(true)
  })

  it('recognises errors of another copy by the shared brand', () => {
    const foreign = Object.create({ [Symbol.for('@status-errors/core.http-error')]: true })
    expect(isHttpError(foreign)).toBe(true)
  })

  it.each([[new Error('x')], [{ status: 404 }], [null], ['HttpError'], [undefined]])(
    'rejects %s',
    (value) => {
      expect(isHttpError(value)).toBe(false)
    },
  )
})
