import Boom from '@hapi/boom'
import { httpError } from '@status-errors/core'
import createError from 'http-errors'
import type { ConformanceCase } from '../conformance-case.js'
import { jsonBody } from './documented-bodies.js'

/** The default challenge of a 401 (option `challenge`). */
const DEFAULT_CHALLENGE = 'Basic realm="api", charset="UTF-8"'

function hostileHeaderCase(
  name: string,
  error: () => unknown,
  expect: ConformanceCase['expect'],
  accept?: string,
): ConformanceCase {
  return {
    name,
    app: { routes: [{ method: 'GET', path: '/boom', handler: { kind: 'throw', error } }] },
    request: { method: 'GET', path: '/boom', ...(accept === undefined ? {} : { headers: { accept } }) },
    expect,
  }
}

/**
 * Headers carried by errors that Node would refuse, that the response's format owns, or that are
 * not headers at all: each is dropped, and the documented answer stays whole on every framework.
 */
export const hostileHeaderCases: readonly ConformanceCase[] = [
  hostileHeaderCase(
    'an error challenge beyond Latin-1 is dropped and the 401 keeps the default challenge',
    () => httpError(401, undefined, { headers: { 'WWW-Authenticate': 'Bearer realm="日本"' } }),
    { status: 401, headers: { 'www-authenticate': DEFAULT_CHALLENGE }, body: jsonBody(401) },
  ),
  hostileHeaderCase(
    'an http-errors header with a control character is dropped',
    () => createError(401, 'x', { headers: { 'WWW-Authenticate': 'Bearer\u0001', 'X-Ok': 'yes' } }),
    {
      status: 401,
      headers: { 'www-authenticate': DEFAULT_CHALLENGE, 'x-ok': 'yes' },
      body: jsonBody(401, 'x'),
    },
  ),
  hostileHeaderCase(
    'a Boom header beyond Latin-1 is dropped',
    () => {
      const error = Boom.unauthorized('x')
      error.output.headers['WWW-Authenticate'] = 'Bearer realm="ünï☃"'
      return error
    },
    { status: 401, headers: { 'www-authenticate': DEFAULT_CHALLENGE } },
  ),
  hostileHeaderCase(
    "an error cannot loosen the HTML page's Content-Security-Policy",
    () => httpError(400, 'x', { headers: { 'Content-Security-Policy': 'default-src *' } }),
    { status: 400, headers: { 'content-security-policy': "default-src 'none'" } },
    'text/html',
  ),
  hostileHeaderCase(
    'an array given as headers sets no header',
    () => createError(401, 'x', { headers: ['Bearer realm="api"'] }),
    { status: 401, headers: { '0': null, 'www-authenticate': DEFAULT_CHALLENGE } },
  ),
  hostileHeaderCase(
    'a 70 KB error header is dropped, so clients can still read the response head',
    () => httpError(400, undefined, { headers: { 'X-Huge': 'x'.repeat(70_000), 'X-Ok': 'yes' } }),
    { status: 400, headers: { 'x-huge': null, 'x-ok': 'yes' }, body: jsonBody(400) },
  ),
  hostileHeaderCase(
    'an error cannot close the connection or change its framing',
    () =>
      httpError(400, undefined, { headers: { Connection: 'upgrade', Upgrade: 'websocket', Trailer: 'X' } }),
    { status: 400, headers: { upgrade: null, trailer: null }, body: jsonBody(400) },
  ),
]

/**
 * A 401 whose default `WWW-Authenticate` the response refuses (as Node refuses an invalid value),
 * with `earlyHeaders` set by a middleware before the route.
 */
function refusedChallengeApp(earlyHeaders?: Readonly<Record<string, string>>): ConformanceCase['app'] {
  return {
    refuseHeader: 'www-authenticate',
    ...(earlyHeaders === undefined ? {} : { earlyHeaders }),
    routes: [
      {
        method: 'GET',
        path: '/boom',
        handler: { kind: 'throw', error: () => httpError(401, 'Token expired.') },
      },
    ],
    options: { onError: () => {} },
  }
}

/** A write that fails part-way still leaves one whole, documented message on the wire. */
export const writeFailureCases: readonly ConformanceCase[] = [
  {
    name: 'a header the response refuses turns the answer into the whole documented 500',
    app: refusedChallengeApp(),
    request: { method: 'GET', path: '/boom' },
    expect: { status: 500, headers: { 'www-authenticate': null }, body: jsonBody(500) },
  },
  {
    name: 'the documented 500 after a refused header keeps the headers set before the error',
    app: refusedChallengeApp({ vary: 'Origin', 'x-request-id': 'req-7' }),
    request: { method: 'GET', path: '/boom' },
    expect: {
      status: 500,
      headers: { 'www-authenticate': null, vary: 'Origin, Accept', 'x-request-id': 'req-7' },
      body: jsonBody(500),
    },
  },
]
