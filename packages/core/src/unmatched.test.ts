import { describe, expect, it } from 'vitest'
import { decideUnmatched, formatAllow, type RouteMethods } from './unmatched.js'

const routes = (pathMethods: string[], appMethods?: string[]): RouteMethods => ({
  pathMethods: new Set(pathMethods),
  appMethods: appMethods === undefined ? undefined : new Set(appMethods),
})

describe('decideUnmatched', () => {
  it.each([
    { name: 'unknown path', method: 'GET', routes: routes([], ['GET']), expected: { status: 404 } },
    {
      name: 'other methods on the path',
      method: 'DELETE',
      routes: routes(['GET', 'POST'], ['GET', 'POST', 'DELETE']),
      expected: { status: 405, allow: 'GET, HEAD, OPTIONS, POST' },
    },
    { name: 'the method fell through', method: 'GET', routes: routes(['GET']), expected: { status: 404 } },
    {
      name: 'HEAD fell through a GET route',
      method: 'HEAD',
      routes: routes(['GET']),
      expected: { status: 404 },
    },
    {
      name: 'HEAD on a GET route that does not answer HEAD',
      method: 'HEAD',
      routes: { ...routes(['GET']), getServesHead: false },
      expected: { status: 405, allow: 'GET, OPTIONS' },
    },
    {
      name: 'HEAD on its own route, beside a GET route that does not answer HEAD',
      method: 'HEAD',
      routes: { ...routes(['GET', 'HEAD']), getServesHead: false },
      expected: { status: 404 },
    },
    {
      name: 'other methods on a GET path whose HEAD is not answered',
      method: 'DELETE',
      routes: { ...routes(['GET']), getServesHead: false },
      expected: { status: 405, allow: 'GET, OPTIONS' },
    },
    {
      name: 'an all-methods route fell through',
      method: 'PUT',
      routes: routes(['*']),
      expected: { status: 404 },
    },
    {
      name: 'OPTIONS on a routed path',
      method: 'OPTIONS',
      routes: routes(['GET']),
      expected: { status: 204, allow: 'GET, HEAD, OPTIONS' },
    },
    {
      name: 'a method no route uses',
      method: 'PROPFIND',
      routes: routes(['GET'], ['GET']),
      expected: { status: 501 },
    },
    {
      name: 'an unused standard method',
      method: 'PATCH',
      routes: routes(['GET'], ['GET']),
      expected: { status: 405, allow: 'GET, HEAD, OPTIONS' },
    },
    {
      name: 'an unknown method when the app methods are unknown',
      method: 'PROPFIND',
      routes: routes(['GET']),
      expected: { status: 405, allow: 'GET, HEAD, OPTIONS' },
    },
    {
      name: 'an unknown method in an app with an all-methods route',
      method: 'PROPFIND',
      routes: routes([], ['*']),
      expected: { status: 404 },
    },
    {
      name: 'a method some other route uses',
      method: 'PROPFIND',
      routes: routes(['GET'], ['GET', 'PROPFIND']),
      expected: { status: 405, allow: 'GET, HEAD, OPTIONS' },
    },
  ])('$name', ({ method, routes: given, expected }) => {
    expect(decideUnmatched(method, given, true)).toEqual(expected)
  })

  it('hides 405 and OPTIONS behind 404 when methodNotAllowed is false', () => {
    expect(decideUnmatched('DELETE', routes(['GET']), false)).toEqual({ status: 404 })
    expect(decideUnmatched('OPTIONS', routes(['GET']), false)).toEqual({ status: 404 })
  })
})

describe('formatAllow', () => {
  it('upper-cases, de-duplicates, sorts and adds HEAD and OPTIONS', () => {
    expect(formatAllow(['post', 'GET', 'get', 'DELETE'])).toBe('DELETE, GET, HEAD, OPTIONS, POST')
  })

  it('adds no HEAD without GET', () => {
    expect(formatAllow(['POST'])).toBe('OPTIONS, POST')
  })

  it('adds no HEAD for GET when GET does not serve HEAD, kept apart from the same list with it', () => {
    expect(formatAllow(['GET', 'PUT'], false)).toBe('GET, OPTIONS, PUT')
    expect(formatAllow(['GET', 'PUT'])).toBe('GET, HEAD, OPTIONS, PUT')
    expect(formatAllow(['GET', 'PUT'], false)).toBe('GET, OPTIONS, PUT')
  })

  it('gives each list its own value, asked again and past the number of lists it keeps', () => {
    const lists = Array.from({ length: 300 }, (_, index) => [`M${index}`, index % 2 === 0 ? 'get' : 'POST'])
    const expected = (index: number) =>
      index % 2 === 0 ? `GET, HEAD, M${index}, OPTIONS` : `M${index}, OPTIONS, POST`
    for (const round of [1, 2]) {
      for (const [index, list] of lists.entries()) {
        expect([round, formatAllow(list)]).toEqual([round, expected(index)])
      }
    }
    // The same methods in another order or container are the same Allow.
    expect(formatAllow(new Set(['PUT', 'get']))).toBe('GET, HEAD, OPTIONS, PUT')
    expect(formatAllow(['get', 'PUT'])).toBe('GET, HEAD, OPTIONS, PUT')
    expect(formatAllow(['PUT'])).toBe('OPTIONS, PUT')
  })
})
