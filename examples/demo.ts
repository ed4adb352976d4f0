/**
 * `pnpm demo`: starts the Express, Koa and Fastify examples in this process on free ports, sends
 * the same requests to each, and prints one line per documented status: what caused it, what each
 * framework answered, and whether the three answers were the same bytes. Exits 1 if any differ.
 */
import type { AddressInfo } from 'node:net'
import { DOCUMENTED_STATUSES } from '@status-errors/core'
import { createExpressApp } from './express/server.js'
import { createFastifyApp } from './fastify/server.js'
import { createKoaApp } from './koa/server.js'

interface Probe {
  readonly status: number
  readonly cause: string
  readonly method: string
  readonly path: string
  readonly headers?: Record<string, string>
  readonly body?: string
}

const JSON_HEADERS = { 'content-type': 'application/json' }

/** In order: each request runs against the same fresh state on all three apps. */
const PROBES: readonly Probe[] = [
  { status: 200, cause: 'GET /users', method: 'GET', path: '/users' },
  {
    status: 201,
    cause: 'POST /users with a new email',
    method: 'POST',
    path: '/users',
    headers: JSON_HEADERS,
    body: '{"email":"grace@example.com"}',
  },
  { status: 204, cause: 'DELETE /users/2', method: 'DELETE', path: '/users/2' },
  {
    status: 400,
    cause: 'malformed JSON body',
    method: 'POST',
    path: '/users',
    headers: JSON_HEADERS,
    body: '{"email": grace',
  },
  { status: 401, cause: 'GET /me without a token', method: 'GET', path: '/me' },
  { status: 403, cause: 'DELETE a protected user', method: 'DELETE', path: '/users/1' },
  { status: 404, cause: 'unknown path', method: 'GET', path: '/nowhere' },
  { status: 405, cause: 'PUT on a GET/POST path', method: 'PUT', path: '/users' },
  {
    status: 409,
    cause: 'POST /users with a taken email',
    method: 'POST',
    path: '/users',
    headers: JSON_HEADERS,
    body: '{"email":"ada@example.com"}',
  },
  { status: 500, cause: 'route throws new Error()', method: 'GET', path: '/boom' },
  { status: 501, cause: 'PROPFIND, a method no route uses', method: 'PROPFIND', path: '/users' },
]

interface Answer {
  readonly status: number
  readonly bytes: string
}

async function ask(base: string, probe: Probe): Promise<Answer> {
  const init: RequestInit = { method: probe.method, headers: probe.headers ?? {} }
  if (probe.body !== undefined) init.body = probe.body
  const response = await fetch(base + probe.path, init)
  return { status: response.status, bytes: await response.text() }
}

function listening(server: { address(): AddressInfo | string | null }): string {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('server is not listening on a port')
  return `http://127.0.0.1:${address.port}`
}

async function main(): Promise<number> {
  const expressServer = createExpressApp().listen(0, '127.0.0.1')
  const koaServer = createKoaApp().listen(0, '127.0.0.1')
  const fastify = await createFastifyApp()
  await fastify.listen({ port: 0, host: '127.0.0.1' })
  await Promise.all(
    // Both may be listening already: fastify.listen was awaited in between.
    [expressServer, koaServer].map((s) =>
      s.listening ? undefined : new Promise((resolve) => s.once('listening', resolve)),
    ),
  )
  const bases = {
    express: listening(expressServer),
    koa: listening(koaServer),
    fastify: listening(fastify.server),
  }

  const produced = new Set<number>()
  let problems = 0
  console.log(
    'code  title                          cause                                express koa fastify  same bytes',
  )
  try {
    for (const probe of PROBES) {
      const answers = await Promise.all(Object.values(bases).map((base) => ask(base, probe)))
      const same = answers.every((a) => a.status === probe.status && a.bytes === answers[0]?.bytes)
      if (same) produced.add(probe.status)
      else problems++
      const title = DOCUMENTED_STATUSES.find((row) => row.status === probe.status)?.title ?? ''
      const codes = answers.map((a) => String(a.status).padEnd(7)).join(' ')
      console.log(
        `${probe.status}   ${title.padEnd(30)} ${probe.cause.padEnd(36)} ${codes} ${same ? 'yes' : 'NO'}`,
      )
    }
  } finally {
    expressServer.close()
    koaServer.close()
    await fastify.close()
  }
  const missing = DOCUMENTED_STATUSES.filter((row) => !produced.has(row.status)).map((row) => row.status)
  console.log(
    `\n${produced.size} of ${DOCUMENTED_STATUSES.length} documented rows produced identically by all three frameworks.`,
  )
  if (missing.length > 0)
    console.log(`Not produced yet: ${missing.join(', ')} (the remaining rows are open work).`)
  return problems === 0 ? 0 : 1
}

process.exitCode = await main()
