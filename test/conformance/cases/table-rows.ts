import {
  forbidden,
  httpError,
  notImplemented,
  proxyAuthenticationRequired,
  unauthorized,
} from '@status-errors/core'
import axios from 'axios'
import createError from 'http-errors'
import CircuitBreaker from 'opossum'
import type { ConformanceCase } from '../conformance-case.js'
import type { AppSpec, RouteHandler, RouteSpec } from '../harness.js'
import { upstreamUrls } from '../upstreams.js'
import { jsonBody } from './documented-bodies.js'

const route = (method: string, path: string, handler: RouteHandler): RouteSpec => ({ method, path, handler })
const throwing = (error: () => unknown): RouteHandler => ({ kind: 'throw', error })
const awaiting = (action: (signal: AbortSignal | undefined) => Promise<unknown>): RouteHandler => ({
  kind: 'await',
  action,
})
const GET = (path: string) => ({ method: 'GET', path }) as const

/** An app with a single GET /x route. */
function one(handler: RouteHandler, options?: AppSpec['options']): AppSpec {
  return options === undefined
    ? { routes: [route('GET', '/x', handler)] }
    : { routes: [route('GET', '/x', handler)], options }
}

/** The error of a database driver or ORM, shaped as the library builds it (no driver is installed). */
function driverError(name: string, message: string, props: Record<string, unknown>): Error {
  const error = Object.assign(new Error(message), props)
  Object.defineProperty(error, 'name', { value: name })
  return error
}

const SECRET = 'alice@example.com'

function conflictCase(name: string, error: () => unknown): ConformanceCase {
  return {
    name,
    app: one(throwing(error)),
    request: GET('/x'),
    expect: { status: 409, body: jsonBody(409), bodyExcludes: [SECRET, 'users_email_key', 'INSERT'] },
  }
}

function missingRowCase(name: string, error: () => unknown): ConformanceCase {
  return { name, app: one(throwing(error)), request: GET('/x'), expect: { status: 404, body: jsonBody(404) } }
}

/** Each documented row produced by a real cause (real sockets, real client errors, real driver shapes). */
export const tableRowCases: readonly ConformanceCase[] = [
  // 200, 201, 202, 204 with success: 'documented'.
  ...[
    {
      name: 'documented success: POST with the default status answers 201',
      method: 'POST',
      handler: { kind: 'respond', body: { id: 7 }, headers: { location: '/things/7' } },
      status: 201,
      headers: { location: '/things/7' },
    },
    {
      name: 'documented success: an explicit status wins',
      method: 'POST',
      handler: { kind: 'respond', status: 200, body: { id: 7 } },
      status: 200,
      headers: {},
    },
    {
      name: 'documented success: DELETE without a body answers 204',
      method: 'DELETE',
      handler: { kind: 'respond' },
      status: 204,
      headers: { 'content-length': null, 'content-type': null },
    },
    {
      name: 'documented success: DELETE with a body stays 200',
      method: 'DELETE',
      handler: { kind: 'respond', body: { deleted: 7 } },
      status: 200,
      headers: {},
    },
    {
      name: 'documented success: GET stays 200',
      method: 'GET',
      handler: { kind: 'respond', body: { id: 7 } },
      status: 200,
      headers: {},
    },
    {
      name: 'documented success: PUT stays 200',
      method: 'PUT',
      handler: { kind: 'respond', body: { id: 7 } },
      status: 200,
      headers: {},
    },
  ].map(
    ({ name, method, handler, status, headers }): ConformanceCase => ({
      name,
      app: {
        routes: [route(method, '/things', handler as RouteHandler)],
        options: { success: 'documented' },
      },
      request: { method, path: '/things' },
      expect: { status, headers, ...(status === 204 ? { body: '' } : {}) },
    }),
  ),
  {
    name: 'without documented success a POST keeps 200',
    app: { routes: [route('POST', '/things', { kind: 'respond', body: { id: 7 } })] },
    request: { method: 'POST', path: '/things' },
    expect: { status: 200, body: '{"id":7}' },
  },
  {
    name: '202 Accepted with a Location through the accepted helper',
    app: { routes: [route('POST', '/exports', { kind: 'accepted', location: '/exports/42' })] },
    request: { method: 'POST', path: '/exports' },
    expect: {
      status: 202,
      headers: { location: '/exports/42', 'content-type': 'application/json; charset=utf-8' },
      body: '{"status":202,"title":"Accepted","description":"The request has been accepted for processing."}',
    },
  },

  // 400.
  {
    name: 'malformed percent-encoding in the path answers 400',
    app: { routes: [route('GET', '/users/:id', { kind: 'ok', body: { ok: true } })] },
    request: GET('/users/%E0%A4%A'),
    expect: { status: 400, bodyExcludes: ['%E0'] },
  },
  {
    name: 'a schema validation failure answers 400 with the validation message',
    app: {
      routes: [
        route('POST', '/people', {
          kind: 'validate-json',
          schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        }),
      ],
    },
    request: {
      method: 'POST',
      path: '/people',
      headers: { 'content-type': 'application/json' },
      body: '{"age":3}',
    },
    expect: { status: 400, body: jsonBody(400, "body must have required property 'name'") },
  },

  // 401 and 407.
  {
    name: 'unauthorized() sends its challenge',
    app: one(
      throwing(() => unauthorized('Bearer realm="api", error="invalid_token"', 'The token has expired.')),
    ),
    request: GET('/x'),
    expect: {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' },
      body: jsonBody(401, 'The token has expired.'),
    },
  },
  {
    name: 'a 401 without a challenge gets the default one',
    app: one(throwing(() => httpError(401))),
    request: GET('/x'),
    expect: {
      status: 401,
      headers: { 'www-authenticate': 'Basic realm="api", charset="UTF-8"' },
      body: jsonBody(401),
    },
  },
  {
    name: 'a 401 without a challenge gets the configured one',
    app: one(
      throwing(() => createError(401)),
      { challenge: ['Bearer realm="api"', 'Basic realm="api"'] },
    ),
    request: GET('/x'),
    expect: { status: 401, headers: { 'www-authenticate': 'Bearer realm="api", Basic realm="api"' } },
  },
  {
    name: 'proxyAuthenticationRequired() sends Proxy-Authenticate',
    app: one(throwing(() => proxyAuthenticationRequired('Basic realm="proxy"'))),
    request: GET('/x'),
    expect: { status: 407, headers: { 'proxy-authenticate': 'Basic realm="proxy"' }, body: jsonBody(407) },
  },

  // 403.
  {
    name: 'forbidden() answers 403 with its detail',
    app: one(throwing(() => forbidden('Only the owner can do this.'))),
    request: GET('/x'),
    expect: { status: 403, body: jsonBody(403, 'Only the owner can do this.') },
  },
  {
    name: "csurf's EBADCSRFTOKEN answers 403",
    app: one(throwing(() => Object.assign(new Error('invalid csrf token'), { code: 'EBADCSRFTOKEN' }))),
    request: GET('/x'),
    expect: { status: 403, body: jsonBody(403) },
  },

  // 406.
  {
    name: 'produces: an Accept that admits none answers 406 before the route',
    app: one(
      throwing(() => new Error('the route must not run')),
      { produces: ['application/json', 'text/csv'] },
    ),
    request: { method: 'GET', path: '/x', headers: { accept: 'application/xml' } },
    expect: { status: 406, body: jsonBody(406, 'Available media types: application/json, text/csv.') },
  },
  {
    name: 'produces: an acceptable Accept reaches the route',
    app: one({ kind: 'ok', body: { ok: true } }, { produces: ['application/json'] }),
    request: { method: 'GET', path: '/x', headers: { accept: 'application/*' } },
    expect: { status: 200, body: '{"ok":true}' },
  },

  // 408.
  {
    name: 'a body that does not arrive in time answers 408 and closes the connection',
    // A keep-alive client: Node would echo a client's own `Connection: close`, hiding a missing one.
    app: { routes: [route('POST', '/echo', { kind: 'parse-json' })], options: { timeout: { body: 150 } } },
    request: {
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
      declaredLength: 100,
      keepAlive: true,
    },
    expect: { status: 408, headers: { connection: 'close' }, body: jsonBody(408) },
  },

  // 409 and 404 from databases.
  conflictCase('PostgreSQL unique violation (pg) answers 409', () =>
    driverError('error', 'duplicate key value violates unique constraint "users_email_key"', {
      code: '23505',
      severity: 'ERROR',
      detail: `Key (email)=(${SECRET}) already exists.`,
      constraint: 'users_email_key',
      table: 'users',
    }),
  ),
  conflictCase('PostgreSQL unique violation (postgres.js) answers 409', () =>
    driverError('PostgresError', 'duplicate key value violates unique constraint "users_email_key"', {
      code: '23505',
      constraint_name: 'users_email_key',
      detail: `Key (email)=(${SECRET}) already exists.`,
    }),
  ),
  conflictCase('MySQL ER_DUP_ENTRY answers 409', () =>
    driverError('Error', `Duplicate entry '${SECRET}' for key 'users.users_email_key'`, {
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlState: '23000',
      sql: `INSERT INTO users (email) VALUES ('${SECRET}')`,
    }),
  ),
  conflictCase('MongoDB duplicate key 11000 answers 409', () =>
    driverError(
      'MongoServerError',
      `E11000 duplicate key error collection: app.users index: email_1 dup key: { email: "${SECRET}" }`,
      {
        code: 11000,
        codeName: 'DuplicateKey',
        keyValue: { email: SECRET },
      },
    ),
  ),
  conflictCase('SQLite UNIQUE constraint (better-sqlite3) answers 409', () =>
    driverError('SqliteError', 'UNIQUE constraint failed: users.email', { code: 'SQLITE_CONSTRAINT_UNIQUE' }),
  ),
  conflictCase('SQLite UNIQUE constraint (sqlite3) answers 409', () =>
    driverError('Error', 'SQLITE_CONSTRAINT: UNIQUE constraint failed: users.email', {
      code: 'SQLITE_CONSTRAINT',
      errno: 19,
    }),
  ),
  conflictCase('Prisma P2002 answers 409', () =>
    driverError('PrismaClientKnownRequestError', 'Unique constraint failed on the fields: (`email`)', {
      code: 'P2002',
      meta: { target: ['email'] },
      clientVersion: '7.10.0',
    }),
  ),
  conflictCase('TypeORM QueryFailedError with a unique violation answers 409', () =>
    driverError('QueryFailedError', 'duplicate key value violates unique constraint "users_email_key"', {
      query: 'INSERT INTO "users"("email") VALUES ($1)',
      parameters: [SECRET],
      driverError: { code: '23505' },
      code: '23505',
    }),
  ),
  conflictCase('Sequelize unique constraint error answers 409', () =>
    driverError('SequelizeUniqueConstraintError', 'Validation error', {
      fields: { email: SECRET },
      errors: [],
    }),
  ),
  conflictCase('Mongoose VersionError answers 409', () =>
    driverError('VersionError', 'No matching document found for id "65f" version 3 modifiedPaths "email"', {
      version: 3,
    }),
  ),
  conflictCase('a unique violation wrapped by Drizzle is found through its cause', () =>
    driverError('Error', `Failed query: insert into "users" ("email") values ($1)\\nparams: ${SECRET}`, {
      cause: driverError('error', 'duplicate key value violates unique constraint "users_email_key"', {
        code: '23505',
      }),
    }),
  ),
  missingRowCase('Prisma P2025 answers 404', () =>
    driverError('PrismaClientKnownRequestError', 'No record was found for an update.', { code: 'P2025' }),
  ),
  missingRowCase('TypeORM EntityNotFoundError answers 404', () =>
    driverError('EntityNotFoundError', 'Could not find any entity of type "User" matching: {"id": 7}', {}),
  ),
  missingRowCase('Sequelize EmptyResultError answers 404', () =>
    driverError('SequelizeEmptyResultError', 'Not found', {}),
  ),
  missingRowCase('Mongoose DocumentNotFoundError answers 404', () =>
    driverError('DocumentNotFoundError', 'No document found for query "{ _id: 7 }" on model "User"', {}),
  ),

  // 501.
  {
    name: 'notImplemented() answers 501 with its detail',
    app: {
      routes: [
        route(
          'POST',
          '/exports',
          throwing(() => notImplemented('Exports arrive in version 2.')),
        ),
      ],
    },
    request: { method: 'POST', path: '/exports' },
    expect: { status: 501, body: jsonBody(501, 'Exports arrive in version 2.') },
  },

  // 502.
  {
    name: 'fetch to a refused upstream answers 502',
    app: one(awaiting(async () => fetch((await upstreamUrls()).refused))),
    request: GET('/x'),
    expect: { status: 502, body: jsonBody(502), bodyExcludes: ['ECONNREFUSED', '127.0.0.1'] },
  },
  {
    name: 'an upstream 401 seen by axios answers 502, not 401',
    app: one(awaiting(async () => axios.get((await upstreamUrls()).unauthorized))),
    request: GET('/x'),
    expect: { status: 502, headers: { 'www-authenticate': null }, body: jsonBody(502) },
  },
  {
    name: 'axios to a refused upstream answers 502',
    app: one(awaiting(async () => axios.get((await upstreamUrls()).refused))),
    request: GET('/x'),
    expect: { status: 502, body: jsonBody(502) },
  },

  // 503.
  {
    name: 'maintenance answers 503 with Retry-After before the route',
    app: one(
      throwing(() => new Error('the route must not run')),
      { maintenance: true, retryAfter: 120 },
    ),
    request: GET('/x'),
    expect: { status: 503, headers: { 'retry-after': '120' }, body: jsonBody(503) },
  },
  {
    name: 'maintenance off lets requests through',
    app: one({ kind: 'ok', body: { ok: true } }, { maintenance: () => false }),
    request: GET('/x'),
    expect: { status: 200, body: '{"ok":true}' },
  },
  {
    name: 'shedding answers 503 while too many requests run',
    app: {
      routes: [
        route(
          'GET',
          '/slow',
          awaiting(() => new Promise((resolve) => setTimeout(() => resolve({ done: true }), 400))),
        ),
        route('GET', '/x', { kind: 'ok', body: { ok: true } }),
      ],
      options: { shed: { maxInFlight: 1 } },
    },
    inFlight: GET('/slow'),
    request: GET('/x'),
    expect: { status: 503, headers: { 'retry-after': '30' }, body: jsonBody(503) },
  },
  {
    name: "opossum's open circuit answers 503 with Retry-After",
    app: one(
      awaiting(async () => {
        const breaker = new CircuitBreaker(async () => 'never')
        breaker.open()
        return breaker.fire()
      }),
    ),
    request: GET('/x'),
    expect: { status: 503, headers: { 'retry-after': '30' }, body: jsonBody(503) },
  },
  {
    name: 'a route that does not start its response in time answers 503',
    app: one(
      awaiting(
        (signal) =>
          new Promise((resolve) => {
            const timer = setTimeout(() => resolve({ late: true }), 1000)
            signal?.addEventListener('abort', () => clearTimeout(timer))
          }),
      ),
      { timeout: { handler: 100 } },
    ),
    request: GET('/x'),
    expect: { status: 503, headers: { 'retry-after': '30' }, body: jsonBody(503) },
  },
  {
    name: 'handlerStatus 504 answers a slow route with 504',
    app: one(
      awaiting(() => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 400))),
      { timeout: { handler: 100, handlerStatus: 504 } },
    ),
    request: GET('/x'),
    expect: { status: 504, body: jsonBody(504) },
  },
  {
    name: 'a route that answers in time is untouched by the handler timeout',
    app: one({ kind: 'ok', body: { ok: true } }, { timeout: { handler: 1000, body: 1000 } }),
    request: GET('/x'),
    expect: { status: 200, body: '{"ok":true}' },
  },

  // 504.
  {
    name: 'fetch to a hanging upstream with AbortSignal.timeout answers 504',
    app: one(
      awaiting(async () => fetch((await upstreamUrls()).hanging, { signal: AbortSignal.timeout(100) })),
    ),
    request: GET('/x'),
    expect: { status: 504, body: jsonBody(504) },
  },
  {
    name: 'axios timeout (ECONNABORTED) answers 504',
    app: one(awaiting(async () => axios.get((await upstreamUrls()).hanging, { timeout: 100 }))),
    request: GET('/x'),
    expect: { status: 504, body: jsonBody(504) },
  },
  {
    name: "opossum's timeout answers 504",
    app: one(
      awaiting(() =>
        new CircuitBreaker(() => new Promise((resolve) => setTimeout(resolve, 400)), { timeout: 100 }).fire(),
      ),
    ),
    request: GET('/x'),
    expect: { status: 504, body: jsonBody(504) },
  },

  // User mappers.
  {
    name: 'a user mapper runs before the built-in rules',
    app: one(
      throwing(() => Object.assign(new Error('quota'), { code: 'QUOTA', status: 500 })),
      {
        map: [(error) => ((error as { code?: unknown }).code === 'QUOTA' ? 409 : undefined)],
      },
    ),
    request: GET('/x'),
    expect: { status: 409, body: jsonBody(409) },
  },
  {
    name: 'a user mapper by error class',
    app: one(
      throwing(() => new RangeError('page 0')),
      { map: [[RangeError, 400]] },
    ),
    request: GET('/x'),
    expect: { status: 400, body: jsonBody(400) },
  },
]
