import { validateHeaderValue } from 'node:http'
import { describe, expect, it, vi } from 'vitest'
import {
  type HeaderTarget,
  MAX_ERROR_HEADERS_LENGTH,
  MAX_HEADER_VALUE_LENGTH,
  sanitizeErrorHeaders,
  writeErrorHeaders,
} from './headers.js'

function fakeResponse(initial: Record<string, string>): HeaderTarget & { headers: Map<string, unknown> } {
  const headers = new Map<string, unknown>(Object.entries(initial))
  return {
    headers,
    getHeaderNames: () => [...headers.keys()],
    getHeader: (name) => headers.get(name),
    setHeader: (name, value) => headers.set(name, value),
    removeHeader: (name) => headers.delete(name),
  }
}

describe('writeErrorHeaders', () => {
  it('removes content headers and keeps the others', () => {
    const target = fakeResponse({
      'content-disposition': 'attachment',
      etag: '"x"',
      'access-control-allow-origin': '*',
    })
    writeErrorHeaders(target, {
      status: 500,
      headers: [['content-type', 'application/json']],
      defaultHeaders: [],
    })
    expect(Object.fromEntries(target.headers)).toEqual({
      'access-control-allow-origin': '*',
      'content-type': 'application/json',
    })
  })

  it.each([
    ['', 'Accept'],
    ['Origin', 'Origin, Accept'],
    ['origin, accept', 'origin, accept'],
    ['*', '*'],
  ])('merges Vary %j into %j', (existing, merged) => {
    const target = fakeResponse(existing === '' ? {} : { vary: existing })
    writeErrorHeaders(target, { status: 404, headers: [['vary', 'Accept']], defaultHeaders: [] })
    expect(target.headers.get('vary')).toBe(merged)
  })
})

describe('writeErrorHeaders default headers', () => {
  it('fills only the gaps: an upstream Retry-After and one the answer sets are kept', () => {
    const target = fakeResponse({ 'retry-after': '120' })
    writeErrorHeaders(target, {
      status: 503,
      headers: [['www-authenticate', 'Bearer']],
      defaultHeaders: [
        ['retry-after', '5'],
        ['www-authenticate', 'Basic'],
        ['x-default', 'set'],
      ],
    })
    expect(Object.fromEntries(target.headers)).toEqual({
      'retry-after': '120',
      'www-authenticate': 'Bearer',
      'x-default': 'set',
    })
  })

  it('reads no single header when the response has none yet', () => {
    const target = fakeResponse({})
    const getHeader = vi.spyOn(target, 'getHeader')
    writeErrorHeaders(target, {
      status: 503,
      headers: [
        ['content-type', 'application/json'],
        ['vary', 'Accept'],
      ],
      defaultHeaders: [['retry-after', '5']],
    })
    expect(getHeader).not.toHaveBeenCalled()
    expect(target.headers.get('vary')).toBe('Accept')
    expect(target.headers.get('retry-after')).toBe('5')
  })
})

describe('writeErrorHeaders and headers of a status', () => {
  const setBefore = {
    allow: 'GET',
    'www-authenticate': 'Bearer error="insufficient_scope"',
    'proxy-authenticate': 'Basic',
    'retry-after': '30',
    location: '/jobs/7',
    'x-request-id': 'r-1',
  }
  it.each([
    [500, []],
    [404, []],
    [405, ['allow']],
    [400, ['www-authenticate']],
    [401, ['www-authenticate']],
    [403, ['www-authenticate']],
    [407, ['proxy-authenticate']],
    [413, ['retry-after']],
    [429, ['retry-after']],
    [503, ['retry-after']],
    [202, ['retry-after', 'location']],
  ])('a %i keeps only %j of those set before it, and every other header', (status, kept) => {
    const target = fakeResponse(setBefore)
    writeErrorHeaders(target, { status, headers: [], defaultHeaders: [] })
    expect([...target.headers.keys()].sort()).toEqual([...kept, 'x-request-id'].sort())
  })

  it('replaces one the answer sets, whatever its status', () => {
    const target = fakeResponse({ allow: 'GET' })
    writeErrorHeaders(target, { status: 500, headers: [['allow', 'GET, POST']], defaultHeaders: [] })
    expect(target.headers.get('allow')).toBe('GET, POST')
  })
})

describe('writeErrorHeaders with a Vary list', () => {
  it('merges into a Vary set as a list of lines', () => {
    const target = fakeResponse({})
    target.headers.set('vary', ['Origin'])
    writeErrorHeaders(target, { status: 404, headers: [['vary', 'Accept']], defaultHeaders: [] })
    expect(target.headers.get('vary')).toBe('Origin, Accept')
  })
})

describe('sanitizeErrorHeaders', () => {
  it.each([
    ['keeps a valid header', { 'Retry-After': '120' }, [['retry-after', '120']]],
    ['turns numbers into strings', { 'Retry-After': 120 }, [['retry-after', '120']]],
    [
      'keeps one line per array item',
      { 'WWW-Authenticate': ['Basic', 'Bearer'] },
      [['www-authenticate', ['Basic', 'Bearer']]],
    ],
    ['drops CR/LF', { 'X-A': 'a\r\nSet-Cookie: x' }, []],
    ['drops NUL', { 'X-A': 'a\u0000b' }, []],
    ['drops invalid names', { 'X A': 'x', 'X:A': 'y' }, []],
    ['drops headers status-errors owns', { 'Content-Length': '1', Vary: 'x', 'Cache-Control': 'public' }, []],
    ['drops non-string values', { 'X-A': { a: 1 }, 'X-B': true, 'X-C': ['ok', 3] }, []],
    ['ignores non-objects', 'Retry-After: 1', []],
    ['drops other control characters', { 'X-A': 'a\u0001b', 'X-B': 'a\u007fb', 'X-C': 'a\u001bb' }, []],
    [
      'drops characters beyond Latin-1',
      { 'WWW-Authenticate': 'Bearer realm="日本"', 'X-B': 'caf\u0100' },
      [],
    ],
    ['keeps Latin-1 and tabs', { 'X-A': 'caf\u00e9\tok' }, [['x-a', 'caf\u00e9\tok']]],
    ['drops Content-Security-Policy', { 'Content-Security-Policy': 'default-src *' }, []],
    ['drops the connection headers', { Connection: 'close', 'Keep-Alive': 'timeout=1', Upgrade: 'h2c' }, []],
    ['drops an empty list', { 'X-A': [] }, []],
    ['drops non-finite numbers', { 'X-A': Number.NaN, 'X-B': Number.POSITIVE_INFINITY }, []],
    ['ignores an array of values given as headers', ['Bearer realm="x"'], []],
    ['takes a list of pairs', [['Retry-After', '5']], [['retry-after', '5']]],
    [
      'ignores a class instance',
      new (class Holder {
        'Retry-After' = '5'
      })(),
      [],
    ],
    [
      'takes a null-prototype object',
      Object.assign(Object.create(null), { 'Retry-After': '5' }),
      [['retry-after', '5']],
    ],
    ['takes nothing from an empty object', {}, []],
  ])('%s', (_name, raw, expected) => {
    expect(sanitizeErrorHeaders(raw)).toEqual(expected)
  })

  it('reads an empty headers object without building its entries', () => {
    const entries = vi.spyOn(Object, 'entries')
    try {
      expect(sanitizeErrorHeaders({})).toEqual([])
      expect(entries).not.toHaveBeenCalled()
    } finally {
      entries.mockRestore()
    }
  })

  it('takes only own keys, not those of a polluted Object.prototype', () => {
    const descriptor = { value: '5', enumerable: true, configurable: true, writable: true }
    Object.defineProperty(Object.prototype, 'Retry-After', descriptor)
    let fromEmpty: unknown
    let fromOne: unknown
    try {
      fromEmpty = sanitizeErrorHeaders({})
      fromOne = sanitizeErrorHeaders({ 'X-A': '1' })
    } finally {
      Reflect.deleteProperty(Object.prototype, 'Retry-After')
    }
    expect(fromEmpty).toEqual([])
    expect(fromOne).toEqual([['x-a', '1']])
  })

  it('keeps every line of a repeated field given as pairs', () => {
    expect(
      sanitizeErrorHeaders([
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ]),
    ).toEqual([['set-cookie', ['a=1', 'b=2']]])
  })

  it('reads pairs as pairs in an array without a prototype, or a proxy of an array that claims one', () => {
    const pairs = [['Retry-After', '120']]
    const bare = Object.setPrototypeOf([['Retry-After', '120']], null)
    const posing = new Proxy(pairs, { getPrototypeOf: () => Object.prototype })
    expect(sanitizeErrorHeaders(bare)).toEqual([['retry-after', '120']])
    expect(sanitizeErrorHeaders(posing)).toEqual([['retry-after', '120']])
  })

  it('takes a fetch Headers', () => {
    expect(sanitizeErrorHeaders(new Headers({ 'Retry-After': '5', Allow: 'GET' }))).toEqual([
      ['allow', 'GET'],
      ['retry-after', '5'],
    ])
  })

  it('drops a value longer than the limit, and headers past the total limit', () => {
    const long = 'x'.repeat(MAX_HEADER_VALUE_LENGTH + 1)
    expect(sanitizeErrorHeaders({ 'X-A': long })).toEqual([])
    const many = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`x-${i}`, 'y'.repeat(MAX_HEADER_VALUE_LENGTH - 10)]),
    )
    const kept = sanitizeErrorHeaders(many)
    const size = kept.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0)
    expect(kept.length).toBeGreaterThan(0)
    expect(size).toBeLessThanOrEqual(MAX_ERROR_HEADERS_LENGTH)
  })

  it('checks and sends one snapshot of a list, whatever a Proxy answers later', () => {
    let reads = 0
    const shifty = new Proxy(['Bearer realm="x"'], {
      get(target, key, receiver) {
        if (key === '0' && reads++ > 0) return 'x\r\nSet-Cookie: a=b'
        return Reflect.get(target, key, receiver)
      },
    })
    const [entry] = sanitizeErrorHeaders({ 'WWW-Authenticate': shifty })
    const value = entry?.[1] as readonly string[]
    expect(value).toEqual(['Bearer realm="x"'])
    expect(value[0]).toBe('Bearer realm="x"')
    expect(Array.isArray(value) && !Object.is(value, shifty)).toBe(true)
  })

  it('never throws, even when every trap of a Proxy throws', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no')
        },
        getPrototypeOf: () => {
          throw new Error('no')
        },
      },
    )
    expect(sanitizeErrorHeaders(hostile)).toEqual([])
  })

  it('keeps only values Node itself accepts', () => {
    for (let code = 0; code <= 0x2ff; code++) {
      const value = `a${String.fromCharCode(code)}b`
      const kept = sanitizeErrorHeaders({ 'X-A': value }).length === 1
      let nodeAccepts = true
      try {
        validateHeaderValue('x-a', value)
      } catch {
        nodeAccepts = false
      }
      expect(kept, `U+${code.toString(16)}`).toBe(nodeAccepts)
    }
  })
})
