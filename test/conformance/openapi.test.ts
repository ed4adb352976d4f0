import { validate } from '@readme/openapi-parser'
import type { OpenApiDocument } from '@status-errors/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { collectWarnings } from '../support/warnings.js'
import type { AppSpec } from './harness.js'
import { expressHarnesses, expressMajors } from './harnesses/express.js'
import { fastifyHarnesses } from './harnesses/fastify.js'
import { koaHarnesses } from './harnesses/koa.js'

/** An app with parameters, a mounted router and the options that add responses. */
const SPEC: AppSpec = {
  routes: [
    { method: 'GET', path: '/users', handler: { kind: 'ok', body: [] } },
    { method: 'POST', path: '/users', handler: { kind: 'parse-json' } },
    { method: 'GET', path: '/users/:id', handler: { kind: 'ok', body: {} } },
    { method: 'DELETE', path: '/users/:id', handler: { kind: 'respond' } },
  ],
  mounted: {
    prefix: '/api',
    routes: [{ method: 'PUT', path: '/items/:itemId', handler: { kind: 'ok', body: {} } }],
  },
  options: { success: 'documented', produces: ['application/json'], timeout: { body: 5000 } },
}

const BASE: OpenApiDocument = {
  openapi: '3.0.3',
  info: { title: 'Users', version: '1.0.0' },
  paths: {
    '/users': { get: { responses: { 200: { description: 'The users.' } } } },
    '/gone': { get: { responses: { 200: { description: 'Removed long ago.' } } } },
  },
}

/** The operations each framework routes the same way, as OpenAPI keys. */
const OPERATIONS = [
  'get /users',
  'post /users',
  'get /users/{id}',
  'delete /users/{id}',
  'put /api/items/{itemId}',
]

/**
 * Router 2.0-2.2 keeps `app.use('/api', router)`'s path in a closure: `openApi` leaves that
 * router's operations out and warns, naming the fix (see the Express README).
 */
const MOUNT_PATH_UNREAD = new Set<string>(
  expressMajors.filter((major) => major.mountPaths === 'none').map((major) => major.name),
)
const MOUNTED_OPERATION = 'put /api/items/{itemId}'

describe.each([...expressHarnesses, ...koaHarnesses, ...fastifyHarnesses])('$name', (harness) => {
  const mountPathUnread = MOUNT_PATH_UNREAD.has(harness.name)
  const routedOperations = OPERATIONS.filter(
    (operation) => !mountPathUnread || operation !== MOUNTED_OPERATION,
  )

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('generates a document a maintained OpenAPI validator accepts, with every routed operation', async () => {
    const app = await harness.start(SPEC)
    const warnings = collectWarnings()
    try {
      const completed = app.openApi?.()
      expect(completed).toBeDefined()
      const document = completed?.document as OpenApiDocument
      const result = await validate(structuredClone(document) as never)
      expect(result.valid, JSON.stringify(result)).toBe(true)
      const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method} ${path}`),
      )
      expect(operations.sort()).toEqual([...routedOperations].sort())
      expect(warnings.map((warning) => warning.code)).toEqual(
        mountPathUnread ? ['ERR_STATUS_ERRORS_UNREADABLE_ROUTES'] : [],
      )
    } finally {
      await app.close()
    }
  })

  it('reports drift against a base document', async () => {
    const app = await harness.start({ ...SPEC, options: {} })
    collectWarnings()
    try {
      const drift = app.openApi?.(BASE).drift
      expect(drift?.unrouted).toEqual(['GET /gone'])
      const undocumented = ['POST /users', ...(mountPathUnread ? [] : ['PUT /api/items/{itemId}'])]
      expect(drift?.undocumented).toEqual(expect.arrayContaining(undocumented))
    } finally {
      await app.close()
    }
  })
})
