import type { IncomingHttpHeaders } from 'node:http'
import { describe, expect, it } from 'vitest'
import { UNSUPPORTED_CHARSET_TYPE, unsupportedCharsetError } from './body-charset.js'
import { classifyError, PARSE_ERROR_DETAIL } from './classify.js'
import { createCatalog } from './statuses/catalog.js'

const withBody = (contentType: string): IncomingHttpHeaders => ({
  'content-type': contentType,
  'content-length': '14',
})

describe('unsupportedCharsetError', () => {
  it.each([
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/json;charset=us-ascii',
    'application/problem+json; charset=iso-8859-1',
    'application/json; charset=""',
    'text/plain; charset=klingon',
    'application/x-www-form-urlencoded; charset="no such charset"',
  ])('refuses %s', (contentType) => {
    expect(unsupportedCharsetError(withBody(contentType))).toMatchObject({
      status: 415,
      type: UNSUPPORTED_CHARSET_TYPE,
    })
  })

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON; CHARSET="UTF-8"',
    'application/vnd.api+json; charset=UTF-8',
    'text/plain; charset=latin1',
    'application/x-www-form-urlencoded; charset=windows-1252',
    'text/plain; format=flowed',
  ])('lets %s through', (contentType) => {
    expect(unsupportedCharsetError(withBody(contentType))).toBeUndefined()
  })

  it('reads the Content-Type only of a request with a body, as body-parser decides', () => {
    const contentType = 'application/json; charset=latin1'
    expect(unsupportedCharsetError({ 'content-type': contentType })).toBeUndefined()
    expect(unsupportedCharsetError({ 'content-type': contentType, 'content-length': 'x' })).toBeUndefined()
    expect(unsupportedCharsetError({ 'content-type': contentType, 'content-length': '0' })).toBeDefined()
    expect(
      unsupportedCharsetError({ 'content-type': contentType, 'transfer-encoding': 'chunked' }),
    ).toBeDefined()
  })

  it("is answered 400 with a fixed detail, as body-parser's own refusal is, never quoting the charset", () => {
    const options = { catalog: createCatalog(), undocumented: 'collapse', map: [] } as const
    const bodyParserRefusal = Object.assign(new Error('unsupported charset "KLINGON"'), {
      status: 415,
      expose: true,
      type: 'charset.unsupported',
      charset: 'klingon',
    })
    for (const thrown of [
      unsupportedCharsetError(withBody('application/json; charset=klingon')),
      bodyParserRefusal,
    ]) {
      expect(classifyError(thrown, options)).toEqual({
        status: 400,
        headers: [],
        detail: PARSE_ERROR_DETAIL.charset,
        expose: true,
      })
    }
  })
})
