import type { RequestSpec } from './load.js'
import {
  type AppKind,
  type Framework,
  MANY_ROUTES,
  manyRoutePath,
  ROUTES,
  type ServerSpec,
} from './servers/spec.js'

/** One thing measured each round: requests of one kind against one server process. */
export interface Target {
  readonly id: string
  readonly server: ServerSpec
  readonly request: RequestSpec
}

/**
 * A ratio reported per round as A/B (throughput of A over throughput of B): `target` comparisons
 * are checked against their goal, `info` ones only reported, and `noise` is the A/A pair.
 */
export interface Comparison {
  readonly name: string
  readonly a: string
  readonly b: string
  readonly kind: 'target' | 'info' | 'noise'
  /** The lowest acceptable median A/B, for `target` comparisons. */
  readonly goal: number | undefined
  /** A and B must answer byte for byte alike (a same-bytes floor): checked before measuring. */
  readonly sameBytes?: boolean
}

/** Targets measured together, interleaved round by round, so drift hits all of them alike. */
export interface Group {
  readonly framework: Framework
  readonly name: string
  readonly targets: readonly Target[]
  readonly comparisons: readonly Comparison[]
}

export const GROUP_NAMES = ['happy', 'not-found', 'error', 'http-error', 'routes', 'accept'] as const
export type GroupName = (typeof GROUP_NAMES)[number]

/** What Chrome sends for a page load. */
export const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8'

const UNMATCHED = { method: 'GET', path: '/missing/item', status: 404 } as const

export function groupsFor(framework: Framework): Group[] {
  const server = (app: AppKind, instance = 1): ServerSpec => ({ framework, app, instance })
  const target = (id: string, app: AppKind, request: RequestSpec, instance = 1): Target => ({
    id,
    server: server(app, instance),
    request,
  })
  const goal = (name: string, a: string, b: string, value: number): Comparison => ({
    name,
    a,
    b,
    kind: 'target',
    goal: value,
  })
  const info = (name: string, a: string, b: string): Comparison => ({
    name,
    a,
    b,
    kind: 'info',
    goal: undefined,
  })
  /** Against the same-bytes floor: status-errors' own work must fit in the last 3 %. */
  const floor = (name: string, a: string, b: string): Comparison => ({
    ...goal(`${name}: status-errors / same-bytes floor`, a, b, 0.97),
    sameBytes: true,
  })
  const hello: RequestSpec = { method: 'GET', path: ROUTES.hello, status: 200 }
  const boom: RequestSpec = { method: 'GET', path: ROUTES.boom, status: 500 }
  const thrown404: RequestSpec = { method: 'GET', path: ROUTES.httpError, status: 404 }
  // Koa's native 404 is 9 bytes of text: a JSON body cannot be as cheap.
  const nativeNotFoundGoal = framework === 'koa' ? 0.85 : 1
  // Express and Koa log native 500s, so status-errors logs too there; Fastify's logger is off.
  const nativeErrorA = framework === 'fastify' ? 'se' : 'se-log'

  return [
    {
      framework,
      name: 'happy',
      targets: [
        target('se', 'status-errors', hello),
        target('without', 'native', hello),
        target('se-2', 'status-errors', hello, 2),
      ],
      comparisons: [
        goal('GET /hello: with status-errors / without', 'se', 'without', 0.98),
        { name: 'A/A: same app, two processes', a: 'se', b: 'se-2', kind: 'noise', goal: undefined },
      ],
    },
    {
      framework,
      name: 'not-found',
      targets: [
        target('se', 'status-errors', UNMATCHED),
        target('native', 'native', UNMATCHED),
        target('minimal', 'minimal', UNMATCHED),
        target('floor', 'same-bytes', UNMATCHED),
      ],
      comparisons: [
        floor('unmatched 404', 'se', 'floor'),
        goal('unmatched 404: status-errors / minimal JSON 404', 'se', 'minimal', 0.95),
        goal('unmatched 404: status-errors / native', 'se', 'native', nativeNotFoundGoal),
      ],
    },
    {
      framework,
      name: 'error',
      targets: [
        target('se', 'status-errors', boom),
        target('minimal', 'minimal', boom),
        target('native', 'native', boom),
        target('se-log', 'status-errors-log', boom),
        target('floor', 'same-bytes', boom),
      ],
      comparisons: [
        floor('new Error() 500', 'se', 'floor'),
        goal('new Error() 500: status-errors / minimal JSON 500', 'se', 'minimal', 0.95),
        goal(
          `new Error() 500: status-errors${nativeErrorA === 'se-log' ? ' (default log)' : ''} / native`,
          nativeErrorA,
          'native',
          1,
        ),
        info('new Error() 500: default logging / no-op onError', 'se-log', 'se'),
      ],
    },
    {
      framework,
      name: 'http-error',
      targets: [
        target('se', 'status-errors', thrown404),
        target('hand', 'hand-status', thrown404),
        target('floor', 'same-bytes', thrown404),
      ],
      comparisons: [
        floor("httpError(404, '…')", 'se', 'floor'),
        goal("httpError(404, '…'): status-errors / hand-written status+message", 'se', 'hand', 0.95),
      ],
    },
    {
      framework,
      name: 'routes',
      targets: [
        target('405', 'many-routes', {
          method: 'POST',
          path: manyRoutePath(MANY_ROUTES - 1, '42'),
          status: 405,
        }),
        target('404', 'many-routes', UNMATCHED),
        target('405-floor', 'same-bytes-many-routes', {
          method: 'POST',
          path: manyRoutePath(MANY_ROUTES - 1, '42'),
          status: 405,
        }),
      ],
      comparisons: [
        goal(`${MANY_ROUTES} routes: 405 / 404 on the same app`, '405', '404', 0.95),
        // Shown, not judged: the floor's 405 is a POST route of its own, found by the router's one
        // walk of the table. No router says which methods the path has, so status-errors walks the
        // table a second time (the 405's goal is against the 404 of the same app, above).
        {
          ...info(`405 on ${MANY_ROUTES} routes: status-errors / same-bytes floor`, '405', '405-floor'),
          sameBytes: true,
        },
      ],
    },
    {
      framework,
      name: 'accept',
      targets: [
        target('html', 'status-errors', {
          ...UNMATCHED,
          headers: { accept: BROWSER_ACCEPT },
          contentType: 'text/html',
        }),
        target('json', 'status-errors', { ...UNMATCHED, contentType: 'application/json' }),
        target('html-floor', 'same-bytes', {
          ...UNMATCHED,
          headers: { accept: BROWSER_ACCEPT },
          contentType: 'text/html',
        }),
      ],
      comparisons: [
        info('unmatched 404: browser Accept (HTML) / no Accept (JSON)', 'html', 'json'),
        floor('unmatched 404, browser Accept (HTML)', 'html', 'html-floor'),
      ],
    },
  ]
}
