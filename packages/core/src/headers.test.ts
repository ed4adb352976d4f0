import { describe, expect, it } from 'vitest'
import { type HeaderTarget, sanitizeErrorHeaders, writeErrorHeaders } from './headers.js'

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
    writeErrorHeaders(target, { headers: [['content-type', 'application/json']], defaultHeaders: [] })
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
    writeErrorHeaders(target, { headers: [['vary', 'Accept']], defaultHeaders: [] })
    expect(target.headers.get('vary')).toBe(merged)
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
  ])('%s', (_name, raw, expected) => {
    expect(sanitizeErrorHeaders(raw)).toEqual(expected)
  })
})
