import { httpError } from '@status-errors/core'
import type { ConformanceCase } from '../conformance-case.js'
import type { AppSpec } from '../harness.js'
import { jsonBody } from './documented-bodies.js'

const GET_BOOM = { method: 'GET', path: '/boom' } as const

/** An app whose GET /boom sets `setHeaders`, as a route or a middleware before it would, then throws. */
function throwsAfterSetting(
  setHeaders: Readonly<Record<string, string>>,
  error: () => unknown,
  options?: AppSpec['options'],
): AppSpec {
  const routes = [{ method: 'GET', path: '/boom', handler: { kind: 'throw', error, setHeaders } }] as const
  return options === undefined ? { routes } : { routes, options }
}

const conflictApp: AppSpec = {
  routes: [
    { method: 'GET', path: '/boom', handler: { kind: 'throw', error: () => httpError(409, 'Email taken.') } },
  ],
}

function negotiated(
  name: string,
  accept: string,
  expect: ConformanceCase['expect'],
  app = conflictApp,
): ConformanceCase {
  return { name, app, request: { method: 'GET', path: '/boom', headers: { accept } }, expect }
}

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'

export const renderingCases: readonly ConformanceCase[] = [
  negotiated('JSON is the default for */*', '*/*', {
    status: 409,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: jsonBody(409, 'Email taken.'),
  }),
  negotiated('problem+json (RFC 9457) when the client prefers it', 'application/problem+json', {
    status: 409,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body:
      '{"type":"about:blank","title":"Conflict","status":409,"detail":"Email taken.",' +
      '"description":"The request cannot be processed due to a conflict."}',
  }),
  negotiated(
    'problem+json uses the description as detail when nothing is exposed',
    'application/problem+json',
    {
      status: 404,
      body:
        '{"type":"about:blank","title":"Not Found","status":404,"detail":"The server could not find the requested page.",' +
        '"description":"The server could not find the requested page."}',
    },
    { routes: [] },
  ),
  negotiated(
    'problem+json carries the configured type URI',
    'application/problem+json',
    { status: 409, bodyIncludes: ['"type":"https://api.example.com/problems/409"'] },
    { ...conflictApp, options: { problemType: (status) => `https://api.example.com/problems/${status}` } },
  ),
  negotiated('HTML for browsers, with a locked-down CSP', BROWSER_ACCEPT, {
    status: 409,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" },
    body:
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>409 Conflict</title></head>' +
      '<body><h1>409 Conflict</h1><p>The request cannot be processed due to a conflict.</p><p>Email taken.</p></body></html>\n',
  }),
  negotiated(
    'HTML escapes the detail',
    'text/html',
    {
      status: 400,
      bodyIncludes: ['&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
      bodyExcludes: ['<script>'],
    },
    {
      routes: [
        {
          method: 'GET',
          path: '/boom',
          handler: { kind: 'throw', error: () => httpError(400, '<script>alert("x")</script>') },
        },
      ],
    },
  ),
  negotiated('plain text when preferred', 'text/plain', {
    status: 409,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: '409 Conflict\nThe request cannot be processed due to a conflict.\nEmail taken.\n',
  }),
  negotiated('q-values are respected', 'application/json;q=0.2, text/html', {
    status: 409,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  }),
  negotiated('an Accept that admits nothing still gets JSON, never 406', 'image/png', {
    status: 409,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: jsonBody(409, 'Email taken.'),
  }),
  negotiated(`a hostile Accept header is answered`, `x;p="${','.repeat(8000)}"`, {
    status: 409,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  }),
  negotiated(
    'the unmatched 404 is negotiated too',
    'text/plain',
    { status: 404, body: '404 Not Found\nThe server could not find the requested page.\n' },
    { routes: [] },
  ),
]

export const headerCases: readonly ConformanceCase[] = [
  {
    name: 'headers set before the error survive',
    app: {
      earlyHeaders: { 'access-control-allow-origin': '*', 'x-request-id': 'req-42' },
      routes: [{ method: 'GET', path: '/boom', handler: { kind: 'throw', error: () => new Error('x') } }],
    },
    request: { method: 'GET', path: '/boom' },
    expect: { status: 500, headers: { 'access-control-allow-origin': '*', 'x-request-id': 'req-42' } },
  },
  {
    name: 'headers set before an unmatched request survive',
    app: { earlyHeaders: { 'access-control-allow-origin': '*' }, routes: [] },
    request: { method: 'GET', path: '/nope' },
    expect: { status: 404, headers: { 'access-control-allow-origin': '*' } },
  },
  {
    name: "the failed handler's content headers are removed",
    app: {
      routes: [
        {
          method: 'GET',
          path: '/boom',
          handler: {
            kind: 'throw',
            error: () => new Error('x'),
            setHeaders: {
              'content-type': 'text/csv',
              'content-disposition': 'attachment; filename="report.csv"',
              etag: '"abc"',
              'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT',
              'content-language': 'de',
            },
          },
        },
      ],
    },
    request: { method: 'GET', path: '/boom' },
    expect: {
      status: 500,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': null,
        etag: null,
        'last-modified': null,
        'content-language': null,
      },
      body: jsonBody(500),
    },
  },
  {
    name: 'headers of the status the failed route meant are removed',
    app: throwsAfterSetting(
      { location: '/items/7', allow: 'GET, POST', 'retry-after': '30' },
      () => new Error('x'),
    ),
    request: GET_BOOM,
    expect: {
      status: 500,
      headers: { location: null, allow: null, 'retry-after': null },
      body: jsonBody(500),
    },
  },
  {
    name: 'a challenge the route set stays on the 401 it threw',
    app: throwsAfterSetting({ 'www-authenticate': 'Bearer realm="api"', location: '/login' }, () =>
      httpError(401),
    ),
    request: GET_BOOM,
    expect: {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="api"', location: null },
      body: jsonBody(401),
    },
  },
  {
    name: "a rate limiter's Retry-After stays on the 429 it threw",
    app: throwsAfterSetting({ 'retry-after': '12', allow: 'GET' }, () => httpError(429), {
      statuses: { 429: { description: 'Slow down.' } },
    }),
    request: GET_BOOM,
    expect: { status: 429, headers: { 'retry-after': '12', allow: null } },
  },
  {
    name: 'a 429 the table lacks becomes the documented 400, without the 429’s Retry-After',
    app: throwsAfterSetting({ 'retry-after': '12' }, () => httpError(429)),
    request: GET_BOOM,
    expect: { status: 400, headers: { 'retry-after': null }, body: jsonBody(400) },
  },
  {
    name: 'Vary is merged with what was there',
    app: { earlyHeaders: { vary: 'Origin' }, routes: [] },
    request: { method: 'GET', path: '/nope' },
    expect: { status: 404, headers: { vary: 'Origin, Accept' } },
  },
]
