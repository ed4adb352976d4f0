/**
 * `pnpm demo`: starts the Express, Koa and Fastify examples in this process on free ports, sends
 * the same requests to each, and prints one line per documented status: what caused it, what each
 * framework answered, and whether the three answers were the same bytes. Exits 1 if any differ.
 * The apps' own error log is kept out of the table: their `onError` goes to a collector, and one
 * closing line lists the server faults each app reported.
 */
import type { AddressInfo } from 'node:net'
import { DOCUMENTED_STATUSES, type ErrorInfo } from '@status-errors/core'
// The conformance suite's raw-socket client and real upstreams: the demo shows the same bytes the tests check.
import { type RawRequest, sendRaw } from '../test/conformance/http-client.js'
import { upstreamUrls } from '../test/conformance/upstreams.js'
import { createExpressApp } from './express/server.js'
import { createFastifyApp } from './fastify/server.js'
import { createKoaApp } from './koa/server.js'

interface Probe {
  readonly status: number
  readonly cause: string
  readonly request: RawRequest
}

const JSON_BODY = { 'content-type': 'application/json' }
const post = (path: string, body: string, extra: Partial<RawRequest> = {}): RawRequest => ({
  method: 'POST',
  path,
  headers: JSON_BODY,
  body,
  ...extra,
})

/** In order: each request runs against the same fresh state on all three apps. */
const PROBES: readonly Probe[] = [
  { status: 200, cause: 'GET /users', request: { method: 'GET', path: '/users' } },
  {
    status: 201,
    cause: 'POST /users, no status set',
    request: post('/users', '{"email":"grace@example.com"}'),
  },
  { status: 202, cause: 'accepted() for a background export', request: post('/exports', '{}') },
  { status: 204, cause: 'DELETE /users/2, no body', request: { method: 'DELETE', path: '/users/2' } },
  { status: 400, cause: 'malformed JSON body', request: post('/users', '{"email": grace') },
  { status: 401, cause: 'GET /me without a token', request: { method: 'GET', path: '/me' } },
  { status: 403, cause: 'DELETE a protected user', request: { method: 'DELETE', path: '/users/1' } },
  { status: 404, cause: 'unknown path', request: { method: 'GET', path: '/nowhere' } },
  { status: 405, cause: 'PUT on a GET/POST path', request: { method: 'PUT', path: '/users' } },
  {
    status: 406,
    cause: 'Accept: application/xml (produces JSON)',
    request: { method: 'GET', path: '/users', headers: { accept: 'application/xml' } },
  },
  { status: 407, cause: 'no Proxy-Authorization', request: { method: 'GET', path: '/proxied/status' } },
  {
    status: 408,
    cause: 'upload stalls after 5 of 100 bytes',
    request: post('/users', '{"ema', { declaredLength: 100 }),
  },
  {
    status: 409,
    cause: 'POST /users with a taken email',
    request: post('/users', '{"email":"ada@example.com"}'),
  },
  { status: 500, cause: 'route throws new Error()', request: { method: 'GET', path: '/boom' } },
  { status: 501, cause: 'PROPFIND, a method no route uses', request: { method: 'PROPFIND', path: '/users' } },
  { status: 502, cause: 'fetch: upstream refuses connections', request: { method: 'GET', path: '/weather' } },
  { status: 503, cause: 'route still silent after 500 ms', request: { method: 'GET', path: '/report' } },
  {
    status: 504,
    cause: 'fetch: upstream hangs, 150 ms timeout',
    request: { method: 'GET', path: '/forecast' },
  },
]

function portOf(server: { address(): AddressInfo | string | null }): number {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('server is not listening on a port')
  return address.port
}

const FRAMEWORKS = ['express', 'koa', 'fastify'] as const
type Framework = (typeof FRAMEWORKS)[number]

/** The table's columns: a heading, and a width that fits the heading and every value. */
const TITLE_WIDTH = Math.max(...DOCUMENTED_STATUSES.map((row) => row.title.length))
const CAUSE_WIDTH = Math.max(...PROBES.map((probe) => probe.cause.length))
const COLUMNS = [
  { heading: 'code', width: 4 },
  { heading: 'title', width: TITLE_WIDTH },
  { heading: 'cause', width: CAUSE_WIDTH },
  ...FRAMEWORKS.map((heading) => ({ heading, width: heading.length })),
  { heading: 'same bytes', width: 'same bytes'.length },
]

/** One table line: each cell padded to its column, two spaces between columns, no trailing blanks. */
function tableLine(cells: readonly string[]): string {
  return cells
    .map((cell, index) => cell.padEnd(COLUMNS[index]?.width ?? 0))
    .join('  ')
    .trimEnd()
}

/**
 * Each app's `onError`, kept out of the table: the server faults (5xx for a thrown error or a
 * timeout, what the default logging would report) it was told about, by framework.
 */
function createFaultLog() {
  const faults = new Map<Framework, string[]>(FRAMEWORKS.map((framework) => [framework, []]))
  return {
    onError(framework: Framework) {
      return (_error: unknown, info: ErrorInfo) => {
        if (info.status >= 500 && (info.reason === 'thrown' || info.reason === 'timeout')) {
          faults.get(framework)?.push(`${info.status} ${info.method} ${info.path}`)
        }
      }
    },
    /** One line when the three apps reported the same faults, else one line per framework. */
    summary(): string {
      const lists = FRAMEWORKS.map((framework) => faults.get(framework)?.join(', ') || 'none')
      if (lists.every((list) => list === lists[0])) {
        return `Server faults reported to onError, the same on all three: ${lists[0]}.`
      }
      return FRAMEWORKS.map(
        (framework, index) => `Server faults reported to ${framework}'s onError: ${lists[index]}.`,
      ).join('\n')
    },
  }
}

async function main(): Promise<number> {
  const { refused, hanging } = await upstreamUrls()
  const upstreams = { weather: refused, forecast: hanging }
  const faults = createFaultLog()
  const expressServer = createExpressApp(upstreams, faults.onError('express')).listen(0, '127.0.0.1')
  const koaServer = createKoaApp(upstreams, faults.onError('koa')).listen(0, '127.0.0.1')
  const fastify = await createFastifyApp(upstreams, faults.onError('fastify'))
  await fastify.listen({ port: 0, host: '127.0.0.1' })
  await Promise.all(
    // Both may be listening already: fastify.listen was awaited in between.
    [expressServer, koaServer].map((s) =>
      s.listening ? undefined : new Promise((resolve) => s.once('listening', resolve)),
    ),
  )
  const ports = [portOf(expressServer), portOf(koaServer), portOf(fastify.server)]

  const produced = new Set<number>()
  let problems = 0
  console.log(tableLine(COLUMNS.map((column) => column.heading)))
  try {
    for (const probe of PROBES) {
      const answers = await Promise.all(ports.map((port) => sendRaw(port, probe.request)))
      const same = answers.every((a) => a.status === probe.status && a.body === answers[0]?.body)
      if (same) produced.add(probe.status)
      else problems++
      const title = DOCUMENTED_STATUSES.find((row) => row.status === probe.status)?.title ?? ''
      const codes = answers.map((a) => String(a.status))
      console.log(tableLine([String(probe.status), title, probe.cause, ...codes, same ? 'yes' : 'NO']))
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
  console.log(faults.summary())
  return problems === 0 ? 0 : 1
}

process.exitCode = await main()
