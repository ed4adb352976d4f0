import type { ConformanceCase } from '../conformance-case.js'
import type { AppSpec, RouteSpec } from '../harness.js'
import { jsonBody } from './documented-bodies.js'

const ok = (path: string, method: string): RouteSpec => ({
  method,
  path,
  handler: { kind: 'ok', body: { ok: true } },
})

/** GET+POST /users, GET+DELETE /users/:id: the resource every unmatched case routes around. */
const usersApp: AppSpec = {
  routes: [ok('/users', 'GET'), ok('/users', 'POST'), ok('/users/:id', 'GET'), ok('/users/:id', 'DELETE')],
}

export const unmatchedCases: readonly ConformanceCase[] = [
  {
    name: 'unknown path answers the documented 404 body',
    app: usersApp,
    request: { method: 'GET', path: '/nope' },
    expect: {
      status: 404,
      headers: { 'content-type': 'application/json; charset=utf-8', allow: null },
      body: '{"status":404,"title":"Not Found","description":"The server could not find the requested page."}',
    },
  },
  {
    name: 'known path with another method answers 405 with Allow',
    app: usersApp,
    request: { method: 'DELETE', path: '/users' },
    expect: { status: 405, headers: { allow: 'GET, HEAD, OPTIONS, POST' }, body: jsonBody(405) },
  },
  {
    name: 'parameterised path answers 405 with its own methods',
    app: usersApp,
    request: { method: 'PUT', path: '/users/7' },
    expect: { status: 405, headers: { allow: 'DELETE, GET, HEAD, OPTIONS' }, body: jsonBody(405) },
  },
  {
    name: 'query string does not hide the path',
    app: usersApp,
    request: { method: 'DELETE', path: '/users?page=2' },
    expect: { status: 405, headers: { allow: 'GET, HEAD, OPTIONS, POST' } },
  },
  {
    name: 'HEAD on a POST-only path answers 405',
    app: { routes: [ok('/jobs', 'POST')] },
    request: { method: 'HEAD', path: '/jobs' },
    expect: {
      status: 405,
      headers: { allow: 'OPTIONS, POST', 'content-length': String(jsonBody(405).length) },
      body: '',
    },
  },
  {
    name: 'HEAD on an unknown path has headers and no body',
    app: usersApp,
    request: { method: 'HEAD', path: '/nope' },
    expect: {
      status: 404,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(jsonBody(404).length),
      },
      body: '',
    },
  },
  {
    name: 'OPTIONS on a routed path answers 204 with Allow',
    app: usersApp,
    request: { method: 'OPTIONS', path: '/users/7' },
    expect: {
      status: 204,
      headers: { allow: 'DELETE, GET, HEAD, OPTIONS', 'content-length': null, 'content-type': null },
      body: '',
    },
  },
  {
    name: 'OPTIONS on an unknown path answers 404',
    app: usersApp,
    request: { method: 'OPTIONS', path: '/nope' },
    expect: { status: 404, headers: { allow: null }, body: jsonBody(404) },
  },
  {
    name: 'a route that falls through answers 404, not 405',
    app: {
      routes: [{ method: 'GET', path: '/maybe', handler: { kind: 'fall-through' } }, ok('/maybe', 'PUT')],
    },
    request: { method: 'GET', path: '/maybe' },
    expect: { status: 404, headers: { allow: null }, body: jsonBody(404) },
  },
  {
    name: 'a method other than the fallen-through one still answers 405',
    app: { routes: [{ method: 'GET', path: '/maybe', handler: { kind: 'fall-through' } }] },
    request: { method: 'POST', path: '/maybe' },
    expect: { status: 405, headers: { allow: 'GET, HEAD, OPTIONS' } },
  },
  {
    name: 'a route for every method that falls through answers 404',
    app: { routes: [{ method: 'ALL', path: '/any', handler: { kind: 'fall-through' } }] },
    request: { method: 'DELETE', path: '/any' },
    expect: { status: 404, headers: { allow: null }, body: jsonBody(404) },
  },
  {
    name: 'a method no route uses answers 501',
    app: usersApp,
    request: { method: 'PROPFIND', path: '/users' },
    expect: { status: 501, headers: { allow: null }, body: jsonBody(501) },
  },
  {
    name: 'a method no route uses answers 501 on an unknown path too',
    app: usersApp,
    request: { method: 'PROPFIND', path: '/nope' },
    expect: { status: 501, body: jsonBody(501) },
  },
  {
    name: 'an unused standard method answers 405, not 501',
    app: usersApp,
    request: { method: 'PATCH', path: '/users/7' },
    expect: { status: 405, headers: { allow: 'DELETE, GET, HEAD, OPTIONS' } },
  },
  {
    name: 'an OPTIONS catch-all (CORS) does not turn unknown paths into 405',
    app: { routes: [ok('/users', 'GET'), ok('*', 'OPTIONS')] },
    request: { method: 'GET', path: '/nope' },
    expect: { status: 404, headers: { allow: null }, body: jsonBody(404) },
  },
  {
    name: 'an OPTIONS catch-all leaves the real methods in Allow',
    app: { routes: [ok('/users', 'GET'), ok('*', 'OPTIONS')] },
    request: { method: 'DELETE', path: '/users' },
    expect: { status: 405, headers: { allow: 'GET, HEAD, OPTIONS' } },
  },
  {
    name: 'a GET catch-all (SPA fallback) does not turn other methods into 405',
    app: { routes: [ok('/api/users', 'POST'), ok('*', 'GET')] },
    request: { method: 'POST', path: '/somewhere' },
    expect: { status: 404, headers: { allow: null }, body: jsonBody(404) },
  },
  {
    name: 'a mounted router contributes its methods to Allow',
    app: { routes: [ok('/health', 'GET')], mounted: { prefix: '/api', routes: [ok('/things', 'GET')] } },
    request: { method: 'POST', path: '/api/things' },
    expect: { status: 405, headers: { allow: 'GET, HEAD, OPTIONS' }, body: jsonBody(405) },
  },
  {
    name: 'OPTIONS on a path of a mounted router answers 204 with Allow',
    app: { routes: [ok('/health', 'GET')], mounted: { prefix: '/api', routes: [ok('/things', 'GET')] } },
    request: { method: 'OPTIONS', path: '/api/things' },
    expect: { status: 204, headers: { allow: 'GET, HEAD, OPTIONS', 'content-length': null }, body: '' },
  },
  {
    name: 'methodNotAllowed false answers 404 without Allow',
    app: { ...usersApp, options: { methodNotAllowed: false } },
    request: { method: 'DELETE', path: '/users' },
    expect: { status: 404, headers: { allow: null }, body: jsonBody(404) },
  },
  {
    name: 'methodNotAllowed false answers OPTIONS with 404',
    app: { ...usersApp, options: { methodNotAllowed: false } },
    request: { method: 'OPTIONS', path: '/users' },
    expect: { status: 404, headers: { allow: null }, body: jsonBody(404) },
  },
  {
    name: 'a routed request is untouched',
    app: usersApp,
    request: { method: 'GET', path: '/users/7' },
    expect: { status: 200, body: '{"ok":true}' },
  },
]
