import { describe, expect, it } from 'vitest'
import { readAcceptedLocation } from './accepted-options.js'
import { isEmptyBody, NO_CONTENT_HEADERS } from './no-content.js'

describe('isEmptyBody', () => {
  it.each([
    ['undefined', undefined, true],
    ['null', null, true],
    ['a callback in place of a chunk', () => undefined, true],
    ["''", '', true],
    ['an empty Buffer', Buffer.alloc(0), true],
    ['an empty Uint8Array', new Uint8Array(0), true],
    ["' '", ' ', false],
    ['a Buffer with a byte', Buffer.from('x'), false],
    ['an object', {}, false],
    ['a stream-like object', { pipe: () => undefined }, false],
  ])('%s is empty: %s', (_name, body, empty) => {
    expect(isEmptyBody(body)).toBe(empty)
  })
})

describe('NO_CONTENT_HEADERS', () => {
  it('lists the headers that describe content', () => {
    expect(NO_CONTENT_HEADERS).toEqual(['content-type', 'content-length', 'transfer-encoding'])
  })
})

describe('readAcceptedLocation', () => {
  it.each([
    [undefined, undefined],
    [{}, undefined],
    [{ location: '/jobs/1' }, '/jobs/1'],
  ])('reads %j as %j', (options, location) => {
    expect(readAcceptedLocation(options)).toBe(location)
  })

  it.each([[null], ['/jobs/1'], [42], [{ location: 42 }], [{ location: null }]])('rejects %j', (options) => {
    expect(() => readAcceptedLocation(options)).toThrow(TypeError)
  })
})
