import type { ConformanceCase } from '../conformance-case.js'
import type { RouteHandler } from '../harness.js'
import { jsonBody } from './documented-bodies.js'

/** One route at `path` taking `method`. */
const only = (method: string, path: string, handler: RouteHandler) => [{ method, path, handler }]

/** Headers a 204 must not carry (RFC 9110 §15.3.5, §8.6; RFC 9112 §6.1). */
const NO_CONTENT_HEADERS = { 'content-type': null, 'content-length': null, 'transfer-encoding': null }

/**
 * Behaviours that once differed between the adapters, where each ran the request lifecycle itself:
 * what counts as an empty body, which headers a 204 loses, `accepted()`'s validation and its
 * behaviour after the response started, and what happens to an error after the headers went out.
 */
export const lifecycleCases: readonly ConformanceCase[] = [
  ...(['string', 'buffer', 'uint8array'] as const).map(
    (body): ConformanceCase => ({
      name: `documented success: DELETE ending with an empty ${body} answers 204 without content headers`,
      app: {
        routes: only('DELETE', '/things/7', { kind: 'end-empty', body }),
        options: { success: 'documented' },
      },
      request: { method: 'DELETE', path: '/things/7' },
      expect: { status: 204, headers: NO_CONTENT_HEADERS, body: '' },
    }),
  ),
  {
    name: 'accepted() with a Location containing CR/LF fails the route with the documented 500',
    app: {
      routes: only('POST', '/exports', { kind: 'accepted', location: '/exports/1\r\nSet-Cookie: a=b' }),
    },
    request: { method: 'POST', path: '/exports' },
    expect: { status: 500, body: jsonBody(500), headers: { location: null, 'set-cookie': null } },
  },
  {
    name: 'accepted() after the response started writes nothing',
    app: { routes: only('POST', '/exports', { kind: 'after-start', next: 'accepted' }) },
    request: { method: 'POST', path: '/exports' },
    expect: {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', location: null },
      body: 'partialdone',
    },
  },
  {
    name: 'an error after the response started closes the connection instead of a second response',
    app: {
      routes: only('GET', '/report', { kind: 'after-start', next: 'throw' }),
      options: { onError: () => {} },
    },
    request: { method: 'GET', path: '/report' },
    expect: {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'partial',
      bodyExcludes: ['HTTP/1.1', 'Internal Server Error'],
      complete: false,
    },
  },
]
