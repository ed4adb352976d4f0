import { runInNewContext } from 'node:vm'
import Boom from '@hapi/boom'
import type { StatusErrorsOptions } from '@status-errors/core'
import { HttpError, httpError } from '@status-errors/core'
import createError from 'http-errors'
import type { ConformanceCase } from '../conformance-case.js'
import type { AppSpec, RouteHandler } from '../harness.js'
import { jsonBody } from './documented-bodies.js'

/** An app whose GET /boom throws what `error()` returns. */
function throwing(
  error: () => unknown,
  extra: Partial<Extract<RouteHandler, { kind: 'throw' }>> = {},
): AppSpec {
  return { routes: [{ method: 'GET', path: '/boom', handler: { kind: 'throw', error, ...extra } }] }
}

function withOptions(app: AppSpec, options: StatusErrorsOptions): AppSpec {
  return { ...app, options }
}

const GET_BOOM = { method: 'GET', path: '/boom' } as const

function errorCase(
  name: string,
  error: () => unknown,
  expect: ConformanceCase['expect'],
  app: AppSpec = throwing(error),
): ConformanceCase {
  const passthrough = app.options?.undocumented === 'passthrough'
  return {
    name,
    app,
    request: GET_BOOM,
    expect,
    // The table does not list what passthrough keeps: the app chose to answer beyond its documents.
    ...(passthrough
      ? { outsideContract: "undocumented: 'passthrough' answers statuses the table does not list" }
      : {}),
  }
}

const INTERNAL = jsonBody(500)

export const errorCases: readonly ConformanceCase[] = [
  // Our own errors.
  errorCase('HttpError with a detail shows the detail', () => httpError(404, 'No user with id 7.'), {
    status: 404,
    body: jsonBody(404, 'No user with id 7.'),
  }),
  errorCase('HttpError without a detail has no detail member', () => new HttpError(409), {
    status: 409,
    body: jsonBody(409),
  }),
  errorCase('HttpError 5xx hides its detail', () => httpError(503, 'db down at 10.0.0.7'), {
    status: 503,
    body: jsonBody(503),
    bodyExcludes: ['db down', '10.0.0.7'],
  }),
  errorCase(
    'HttpError 5xx with expose true shows its detail',
    () => httpError(503, 'Back at 18:00.', { expose: true }),
    {
      status: 503,
      body: jsonBody(503, 'Back at 18:00.'),
    },
  ),
  errorCase(
    'HttpError headers are sent',
    () => httpError(401, undefined, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }),
    { status: 401, headers: { 'www-authenticate': 'Bearer realm="api"' }, body: jsonBody(401) },
  ),
  errorCase(
    'one header line per challenge',
    () =>
      httpError(401, undefined, {
        headers: { 'WWW-Authenticate': ['Bearer realm="api"', 'Basic realm="api"'] },
      }),
    { status: 401, headers: { 'www-authenticate': 'Bearer realm="api", Basic realm="api"' } },
  ),
  errorCase(
    'an error header with CR/LF is dropped',
    () => httpError(400, undefined, { headers: { 'X-Trace': 'a\r\nSet-Cookie: session=evil' } }),
    { status: 400, headers: { 'x-trace': null, 'set-cookie': null }, body: jsonBody(400) },
  ),
  errorCase(
    'an error header with an invalid name is dropped',
    () => httpError(400, undefined, { headers: { 'Bad Name': 'x', 'X-Ok': 'yes' } }),
    { status: 400, headers: { 'x-ok': 'yes', 'bad name': null } },
  ),
  errorCase(
    'an error cannot replace the content type',
    () => httpError(400, undefined, { headers: { 'Content-Type': 'text/html' } }),
    {
      status: 400,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    },
  ),
  errorCase('an HttpError from another copy of core is recognised by its brand', foreignHttpError, {
    status: 404,
    body: jsonBody(404, 'Seen through the brand.'),
  }),

  // Anything else that can be thrown.
  errorCase('a plain Error answers 500 and hides its message', () => new Error('password=hunter2'), {
    status: 500,
    body: INTERNAL,
    bodyExcludes: ['hunter2', 'at '],
  }),
  errorCase('a thrown string answers 500', () => 'something broke', { status: 500, body: INTERNAL }),
  errorCase('a thrown plain object with a status is honoured', () => Object.freeze({ status: 404 }), {
    status: 404,
    body: jsonBody(404),
  }),
  errorCase('an object whose getters throw answers 500', throwingGetters, { status: 500, body: INTERNAL }),
  errorCase('a cyclic cause chain answers 500', cyclicCause, { status: 500, body: INTERNAL }),
  errorCase(
    'an Error from another realm keeps its status',
    () => runInNewContext('Object.assign(new Error("x"), { status: 409 })'),
    {
      status: 409,
      body: jsonBody(409),
    },
  ),

  // The http-errors protocol (Express, Koa ctx.throw, body parsers) and its precedence.
  errorCase('http-errors 4xx shows its message', () => createError(404, 'No such order.'), {
    status: 404,
    body: jsonBody(404, 'No such order.'),
  }),
  errorCase('http-errors 5xx hides its message', () => createError(502, 'upstream 10.1.2.3 refused'), {
    status: 502,
    body: jsonBody(502),
    bodyExcludes: ['10.1.2.3'],
  }),
  errorCase(
    'http-errors headers are sent',
    () =>
      createError(401, 'Token expired.', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } }),
    {
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      body: jsonBody(401, 'Token expired.'),
    },
  ),
  errorCase(
    'status wins over statusCode',
    () => Object.assign(new Error('x'), { status: 409, statusCode: 400 }),
    {
      status: 409,
      body: jsonBody(409),
    },
  ),
  errorCase('statusCode alone is honoured', () => Object.assign(new Error('x'), { statusCode: 403 }), {
    status: 403,
    body: jsonBody(403),
  }),
  errorCase(
    'a non-numeric status answers 500',
    () => Object.assign(new Error('x'), { status: 'notnumber' }),
    {
      status: 500,
      body: INTERNAL,
    },
  ),
  errorCase('a status outside 400-599 answers 500', () => Object.assign(new Error('x'), { status: 302 }), {
    status: 500,
    body: INTERNAL,
  }),
  errorCase(
    'a message is not shown without expose',
    () => Object.assign(new Error('SELECT * FROM users'), { status: 400 }),
    {
      status: 400,
      body: jsonBody(400),
      bodyExcludes: ['SELECT'],
    },
  ),

  // @hapi/boom.
  errorCase('Boom 4xx shows its message', () => Boom.notFound('No such invoice.'), {
    status: 404,
    body: jsonBody(404, 'No such invoice.'),
  }),
  errorCase('Boom challenges are sent', () => Boom.unauthorized('Bad token.', 'Bearer', { realm: 'api' }), {
    status: 401,
    headers: { 'www-authenticate': 'Bearer realm="api", error="Bad token."' },
  }),
  errorCase('Boom 5xx hides its message', () => Boom.badImplementation('null pointer in billing'), {
    status: 500,
    body: INTERNAL,
    bodyExcludes: ['billing'],
  }),

  // Documented codes only.
  errorCase('an undocumented 4xx collapses to 400', () => createError(413, 'Too big.'), {
    status: 400,
    body: jsonBody(400, 'Too big.'),
  }),
  errorCase('an undocumented 5xx collapses to 500', () => createError(507), { status: 500, body: INTERNAL }),
  errorCase(
    'passthrough keeps an undocumented status',
    () => createError(413, 'Too big.'),
    {
      status: 413,
      body: '{"status":413,"title":"Content Too Large","description":"Content Too Large","detail":"Too big."}',
    },
    withOptions(
      throwing(() => createError(413, 'Too big.')),
      { undocumented: 'passthrough' },
    ),
  ),
  errorCase(
    'a status added to the catalog is answered with its description',
    () => createError(429),
    {
      status: 429,
      body: '{"status":429,"title":"Too Many Requests","description":"Slow down: at most 10 requests a second."}',
    },
    withOptions(
      throwing(() => createError(429)),
      {
        statuses: { 429: { description: 'Slow down: at most 10 requests a second.' } },
      },
    ),
  ),
  errorCase(
    'a documented description can be reworded',
    () => httpError(404),
    { status: 404, body: '{"status":404,"title":"Not Found","description":"No such page here."}' },
    withOptions(
      throwing(() => httpError(404)),
      { statuses: { 404: { description: 'No such page here.' } } },
    ),
  ),

  // Request-shaped errors.
  errorCase(
    'a URIError from decoding answers 400 with a fixed sentence',
    () => new URIError("Failed to decode param '%E0%A4%A'"),
    {
      status: 400,
      body: jsonBody(400, 'Malformed percent-encoding in request path.'),
      bodyExcludes: ['%E0'],
    },
  ),
  {
    name: 'malformed JSON answers 400 without echoing the body',
    app: { routes: [{ method: 'POST', path: '/echo', handler: { kind: 'parse-json' } }] },
    request: {
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/json' },
      body: '{"user": "ada", "password": hunter2}',
    },
    expect: {
      status: 400,
      body: jsonBody(400, 'Malformed JSON in request body.'),
      bodyExcludes: ['hunter2'],
    },
  },
  {
    name: 'well-formed JSON reaches the route',
    app: { routes: [{ method: 'POST', path: '/echo', handler: { kind: 'parse-json' } }] },
    request: {
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    },
    expect: { status: 200, body: '{"a":1}' },
  },

  // Async and HEAD.
  errorCase(
    'an async rejection is answered like a throw',
    () => httpError(401, 'Log in first.'),
    {
      status: 401,
      body: jsonBody(401, 'Log in first.'),
    },
    throwing(() => httpError(401, 'Log in first.'), { async: true }),
  ),
  {
    name: 'HEAD on a throwing route has headers and no body',
    app: throwing(() => httpError(409, 'Version mismatch.')),
    request: { method: 'HEAD', path: '/boom' },
    expect: {
      status: 409,
      headers: { 'content-length': String(jsonBody(409, 'Version mismatch.').length) },
      body: '',
    },
  },

  // Debug.
  {
    name: 'debug adds the stack trace',
    app: withOptions(
      throwing(() => new Error('kaboom')),
      { debug: true },
    ),
    request: GET_BOOM,
    expect: { status: 500, bodyIncludes: ['"stack":"Error: kaboom\\n    at '] },
    bytesMayDiffer: 'the stack frames are those of each framework',
  },
]

function foreignHttpError(): unknown {
  // What an HttpError built by a second installed copy of @status-errors/core looks like.
  class ForeignHttpError extends Error {
    readonly status = 404
    readonly expose = true
    readonly detail = 'Seen through the brand.'
    readonly headers = {}
  }
  Object.defineProperty(ForeignHttpError.prototype, Symbol.for('@status-errors/core.http-error'), {
    value: true,
  })
  return new ForeignHttpError('Seen through the brand.')
}

function throwingGetters(): unknown {
  return Object.defineProperties(new Error('x'), {
    status: {
      get: () => {
        throw new Error('getter')
      },
    },
    statusCode: {
      get: () => {
        throw new Error('getter')
      },
    },
    name: {
      get: () => {
        throw new Error('getter')
      },
    },
  })
}

function cyclicCause(): unknown {
  const error = new Error('outer') as Error & { cause: unknown }
  const inner = new Error('inner', { cause: error })
  error.cause = inner
  return error
}
