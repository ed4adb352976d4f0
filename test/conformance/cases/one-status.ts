import { PARSE_ERROR_DETAIL } from '@status-errors/core'
import type { ConformanceCase } from '../conformance-case.js'
import type { AppSpec } from '../harness.js'
import { jsonBody } from './documented-bodies.js'

const USERS: AppSpec = {
  routes: [
    { method: 'GET', path: '/users', handler: { kind: 'ok', body: [] } },
    { method: 'POST', path: '/users', handler: { kind: 'parse-json' } },
  ],
  options: { onError: () => {} },
}

const SIGNUP: AppSpec = { routes: [{ method: 'POST', path: '/signup', handler: { kind: 'parse-form' } }] }

const QUERY_CONTENT = { headers: { 'content-type': 'application/json' }, body: '{"name":"ada"}' } as const

const ADA_JSON = '{"name":"ada"}'

/** A POST with a body of the given Content-Type (and any other headers). */
function post(path: string, contentType: string, body: string, headers: Record<string, string> = {}) {
  return { method: 'POST', path, headers: { 'content-type': contentType, ...headers }, body } as const
}

/** The same request gets the same status on every framework. */
export const oneStatusCases: readonly ConformanceCase[] = [
  ...['TRACE', 'QUERY', 'PATCH', 'PUT', 'DELETE'].map(
    (method): ConformanceCase => ({
      name: `${method} on a routed path without a ${method} route answers 405, not 501`,
      app: USERS,
      // QUERY carries its query as content (Fastify 5 refuses one without a Content-Type).
      request: { method, path: '/users', ...(method === 'QUERY' ? QUERY_CONTENT : {}) },
      expect: { status: 405, headers: { allow: 'GET, HEAD, OPTIONS, POST' }, body: jsonBody(405) },
    }),
  ),
  {
    name: 'QUERY on an unknown path answers 404',
    app: USERS,
    request: { method: 'QUERY', path: '/nope', ...QUERY_CONTENT },
    expect: { status: 404, body: jsonBody(404) },
  },
  {
    name: 'malformed percent-encoding in an unknown path answers 400',
    app: USERS,
    request: { method: 'GET', path: '/%zz' },
    expect: { status: 400, body: jsonBody(400, 'Malformed percent-encoding in request path.') },
  },
  {
    name: 'a body whose gzip encoding is corrupt answers 400',
    app: USERS,
    request: post('/users', 'application/json', 'this is not gzip', { 'content-encoding': 'gzip' }),
    expect: { status: 400 },
    bytesMayDiffer:
      'Fastify does not decode request bodies: it parses the gzip bytes as JSON and answers with the malformed-JSON detail',
  },
  {
    name: 'a urlencoded body whose deflate encoding is corrupt answers 400',
    app: SIGNUP,
    request: post('/signup', 'application/x-www-form-urlencoded', 'email=ada%40example.com&name=Ada', {
      'content-encoding': 'deflate',
    }),
    expect: { status: 400, bodyExcludes: ['ada', 'Ada'] },
    bytesMayDiffer:
      'Fastify has no built-in form parser: it refuses the media type (415, documented as 400) before decoding',
  },
  ...[
    { charset: 'latin1', why: 'JSON in a charset other than UTF-8' },
    { charset: 'klingon', why: 'JSON in an unknown charset' },
  ].map(
    ({ charset, why }): ConformanceCase => ({
      name: `${why} answers 400 with the charset detail`,
      app: USERS,
      request: post('/users', `application/json; charset=${charset}`, ADA_JSON),
      expect: { status: 400, body: jsonBody(400, PARSE_ERROR_DETAIL.charset), bodyExcludes: [charset] },
    }),
  ),
  {
    name: 'JSON declared as UTF-16 but sent as UTF-8 answers 400',
    app: USERS,
    request: post('/users', 'application/json; charset=utf-16', ADA_JSON),
    expect: { status: 400 },
    bytesMayDiffer:
      'body-parser decodes UTF-16 JSON and finds it malformed; the other parsers read every body as UTF-8, so core refuses the charset before they run',
  },
  {
    name: 'a urlencoded body in an unknown charset answers 400 with the charset detail',
    app: SIGNUP,
    request: post('/signup', 'application/x-www-form-urlencoded; charset=klingon', 'name=ada'),
    expect: { status: 400, body: jsonBody(400, PARSE_ERROR_DETAIL.charset), bodyExcludes: ['klingon'] },
  },
  {
    name: 'a body in an unreadable charset to an unknown path answers 400, not 404',
    app: USERS,
    request: post('/nope', 'application/json; charset=latin1', ADA_JSON),
    expect: { status: 400, body: jsonBody(400, PARSE_ERROR_DETAIL.charset) },
  },
  {
    name: 'JSON declared as "UTF-8" reaches the route',
    app: USERS,
    request: post('/users', 'application/json; charset="UTF-8"', ADA_JSON),
    expect: { status: 200, body: ADA_JSON },
  },
  {
    name: 'a JSON body over the size limit answers 400 with one fixed detail',
    app: USERS,
    request: post('/users', 'application/json', `{"bio":"${'x'.repeat(2_000_000)}"}`),
    expect: { status: 400, body: jsonBody(400, PARSE_ERROR_DETAIL.tooLarge) },
  },
  {
    name: 'a JSON body refused for prototype poisoning answers 400 with its own detail',
    app: USERS,
    request: post('/users', 'application/json', '{"name":"ada","__proto__":{"isAdmin":true}}'),
    expect: { status: 400, body: jsonBody(400, PARSE_ERROR_DETAIL.prototype) },
  },
  {
    name: 'a thrown null answers 500',
    app: { routes: [{ method: 'GET', path: '/boom', handler: { kind: 'throw', error: () => null } }] },
    request: { method: 'GET', path: '/boom' },
    expect: { status: 500, body: jsonBody(500) },
  },
  {
    name: 'a thrown undefined answers 500',
    app: { routes: [{ method: 'GET', path: '/boom', handler: { kind: 'throw', error: () => undefined } }] },
    request: { method: 'GET', path: '/boom' },
    expect: { status: 500, body: jsonBody(500) },
  },
  {
    name: 'a stale Content-Encoding of the failed route is not sent with the error',
    app: {
      routes: [
        {
          method: 'GET',
          path: '/report',
          handler: {
            kind: 'throw',
            error: () => new Error('x'),
            setHeaders: { 'content-encoding': 'gzip', 'content-language': 'fr' },
          },
        },
      ],
      options: { onError: () => {} },
    },
    request: { method: 'GET', path: '/report', headers: { 'accept-encoding': 'gzip' } },
    expect: {
      status: 500,
      headers: { 'content-encoding': null, 'content-language': null },
      body: jsonBody(500),
    },
  },
]
