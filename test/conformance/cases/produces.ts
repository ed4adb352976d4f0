import type { ConformanceCase } from '../conformance-case.js'
import type { AppSpec } from '../harness.js'

/** The example apps' setting: JSON only. */
const JSON_ONLY: AppSpec = {
  routes: [
    { method: 'GET', path: '/users', handler: { kind: 'ok', body: [] } },
    { method: 'POST', path: '/users', handler: { kind: 'ok', body: {} } },
  ],
  options: { produces: ['application/json'] },
}

const CLIENTS = [
  {
    name: 'a problem+json client',
    accept: 'application/problem+json',
    type: 'application/problem+json; charset=utf-8',
  },
  { name: 'a browser', accept: 'text/html', type: 'text/html; charset=utf-8' },
] as const

/**
 * `produces` answers 406 only for a request a route will serve: routing decisions come first, so a
 * client whose Accept admits none of `produces` still sees the documented 404, 405, 501 and OPTIONS
 * answers, in its own format.
 */
export const producesCases: readonly ConformanceCase[] = CLIENTS.flatMap(({ name, accept, type }) => [
  {
    name: `produces: ${name} gets the documented 404 for an unknown path`,
    app: JSON_ONLY,
    request: { method: 'GET', path: '/nope', headers: { accept } },
    expect: { status: 404, headers: { 'content-type': type } },
  },
  {
    name: `produces: ${name} gets the documented 405 for a wrong method`,
    app: JSON_ONLY,
    request: { method: 'DELETE', path: '/users', headers: { accept } },
    expect: { status: 405, headers: { 'content-type': type, allow: 'GET, HEAD, OPTIONS, POST' } },
  },
  {
    name: `produces: ${name} gets the documented 501 for an unknown method`,
    app: JSON_ONLY,
    request: { method: 'PURGE', path: '/users', headers: { accept } },
    expect: { status: 501, headers: { 'content-type': type } },
  },
  {
    name: `produces: ${name} gets the OPTIONS answer`,
    app: JSON_ONLY,
    request: { method: 'OPTIONS', path: '/users', headers: { accept } },
    expect: { status: 204, headers: { allow: 'GET, HEAD, OPTIONS, POST' }, body: '' },
  },
  {
    name: `produces: ${name} gets 406 in its own format from a routed request`,
    app: JSON_ONLY,
    request: { method: 'GET', path: '/users', headers: { accept } },
    expect: {
      status: 406,
      headers: { 'content-type': type },
      bodyIncludes: ['Available media types: application/json.'],
    },
  },
])
