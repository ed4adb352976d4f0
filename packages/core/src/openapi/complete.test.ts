import { describe, expect, it } from 'vitest'
import { resolveOptions, type StatusErrorsOptions } from '../options.js'
import { completeOpenApi } from './complete.js'
import type { OpenApiDocument } from './document.js'
import { toOpenApiPath } from './live-routes.js'

const BASE: OpenApiDocument = {
  openapi: '3.0.3',
  info: { title: 'Users', version: '1.0.0' },
  paths: {
    '/users/{userId}': {
      get: { responses: { 200: { description: 'A user.' }, 418: { description: 'Teapot.' } } },
    },
    '/legacy': { get: { responses: { 200: { description: 'Gone.' } } } },
  },
}

const ROUTES = [
  { method: 'GET', path: '/users/:id' },
  { method: 'HEAD', path: '/users/:id' },
  { method: 'POST', path: '/users' },
  { method: 'DELETE', path: '/users/:id', declaredStatuses: [204, 451] },
]

function complete(options: StatusErrorsOptions = {}) {
  return completeOpenApi({ base: BASE, routes: ROUTES, options: resolveOptions(options) })
}

function operation(document: OpenApiDocument, path: string, method: string): Record<string, unknown> {
  const item = document.paths?.[path] as Record<string, { responses: Record<string, unknown> }>
  return item[method]?.responses ?? {}
}

describe('completeOpenApi', () => {
  it('adds the error responses of every routed operation, keeping what the document lists', () => {
    const { document } = complete()
    const get = operation(document, '/users/{userId}', 'get')
    expect(get['200']).toEqual({ description: 'A user.' })
    expect(get['404']).toEqual({ $ref: '#/components/responses/StatusErrors404' })
    expect(Object.keys(get)).not.toContain('406')
    expect(Object.keys(get)).not.toContain('408')
    expect(Object.keys(get)).not.toContain('405')
  })

  it('adds 406 only with produces and 408 only with timeout.body', () => {
    const { document } = complete({ produces: ['application/json'], timeout: { body: 1000 } })
    expect(Object.keys(operation(document, '/users', 'post'))).toEqual(expect.arrayContaining(['406', '408']))
  })

  it('gives POST 201 with Location and DELETE 204 with success: documented', () => {
    const { document } = complete({ success: 'documented' })
    expect(operation(document, '/users', 'post')['201']).toMatchObject({ headers: { Location: {} } })
    expect(Object.keys(operation(document, '/users/{userId}', 'delete'))).toContain('204')
    expect(Object.keys(complete().document.paths?.['/users'] ?? {})).toEqual(['post'])
  })

  it('describes each shared response with its documented description, required headers and formats', () => {
    const responses = complete().document.components?.responses as Record<string, Record<string, unknown>>
    expect(responses.StatusErrors401).toMatchObject({
      description: 'You must enter the username and password to access the requested page.',
      headers: { 'WWW-Authenticate': { required: true } },
    })
    expect(Object.keys(responses.StatusErrors503?.content as object)).toEqual([
      'application/json',
      'application/problem+json',
      'text/html',
      'text/plain',
    ])
    expect(responses.StatusErrors405).toMatchObject({ headers: { Allow: { required: true } } })
  })

  it('reports each kind of drift', () => {
    expect(complete().drift).toEqual({
      unrouted: ['GET /legacy'],
      undocumented: ['POST /users', 'DELETE /users/{id}'],
      unknownStatuses: ['DELETE /users/{id} 451', 'GET /users/{userId} 418'],
    })
  })

  it('leaves the base document unchanged', () => {
    const before = structuredClone(BASE)
    complete()
    expect(BASE).toEqual(before)
  })
})

describe('what the document cannot or need not describe', () => {
  const options = resolveOptions({})

  it('leaves out root catch-alls and optional segments, and merges a trailing slash', () => {
    const { document, drift } = completeOpenApi({
      routes: [
        { method: 'OPTIONS', path: '*' },
        { method: 'GET', path: '/{*splat}' },
        { method: 'GET', path: '/files{/:name}' },
        { method: 'GET', path: '/p' },
        { method: 'HEAD', path: '/p/' },
      ],
      options,
    })
    expect(Object.keys(document.paths ?? {})).toEqual(['/p'])
    expect(drift.undocumented).toEqual(['GET /p'])
  })

  it('counts HEAD through GET and OPTIONS on a routed path as served, and leaves $ref path items alone', () => {
    const base: OpenApiDocument = {
      openapi: '3.1.0',
      info: { title: 'x', version: '1' },
      paths: {
        '/users': {
          get: { responses: { 200: { description: 'ok' } } },
          head: { responses: { 200: { description: 'ok' } } },
          options: { responses: { 204: { description: 'ok' } } },
        },
        '/shared': { $ref: '#/components/pathItems/Shared' },
      },
    }
    const { document, drift } = completeOpenApi({
      base,
      routes: [{ method: 'GET', path: '/users' }],
      options,
    })
    expect(drift).toEqual({ unrouted: [], undocumented: [], unknownStatuses: [] })
    expect(document.paths?.['/shared']).toEqual({ $ref: '#/components/pathItems/Shared' })
  })

  it('counts HEAD as served only through a HEAD route when GET routes do not answer HEAD', () => {
    const head = { head: { responses: { 200: { description: 'ok' } } } }
    const { drift } = completeOpenApi({
      base: { openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: { '/a': head, '/b': head } },
      routes: [
        { method: 'GET', path: '/a' },
        { method: 'GET', path: '/b' },
        { method: 'HEAD', path: '/b' },
      ],
      options,
      getServesHead: false,
    })
    expect(drift).toEqual({ unrouted: ['HEAD /a'], undocumented: ['GET /a', 'GET /b'], unknownStatuses: [] })
  })
})

describe('toOpenApiPath', () => {
  it.each([
    ['/users/:id', '/users/{id}'],
    ['/users/:id/posts/:postId', '/users/{id}/posts/{postId}'],
    ['/files/*', '/files/{wildcard}'],
    ['/{*splat}', '/{wildcard}'],
    ['*', '/{wildcard}'],
    ['/users/', '/users'],
    ['/', '/'],
  ])('%s → %s', (path, template) => {
    expect(toOpenApiPath(path)).toBe(template)
  })
})
