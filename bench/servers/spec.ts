/** What one benchmark server process runs, and what every variant of the app has in common. */
import { httpError } from '@status-errors/core'

export const FRAMEWORKS = ['express', 'koa', 'fastify'] as const
export type Framework = (typeof FRAMEWORKS)[number]

/**
 * The app variants. Every variant has the same routes (`ROUTES`); they differ only in how errors
 * and unmatched requests are answered:
 * - `native`: no error handling of its own, so the framework's native 404 and 500 (and its logging);
 * - `status-errors`: status-errors with a no-op `onError`, for baselines that log nothing;
 * - `status-errors-log`: status-errors with its default logging (5xx only), for baselines that log;
 * - `minimal`: hand-written minimal JSON 404 and 500 handlers, the idiomatic ones (`res.json`,
 *   `ctx.body`, `reply.send`);
 * - `hand-status`: a hand-written error handler that reads the error's `status` and `message`;
 * - `many-routes`: `MANY_ROUTES` routes plus status-errors with a no-op `onError`;
 * - `same-bytes`: hand-written handlers that write exactly status-errors' bytes as constants
 *   (`same-bytes.ts`), the floor of an error answer; `same-bytes-many-routes` is the same over
 *   the many-routes app, with a hand-written 405 for the path the 405 scenario requests.
 */
export const APP_KINDS = [
  'native',
  'status-errors',
  'status-errors-log',
  'minimal',
  'hand-status',
  'many-routes',
  'same-bytes',
  'same-bytes-many-routes',
] as const
export type AppKind = (typeof APP_KINDS)[number]

export interface ServerSpec {
  readonly framework: Framework
  readonly app: AppKind
  /** Tells apart two processes of the same variant (the A/A pair). */
  readonly instance: number
}

export const ROUTES = {
  hello: '/hello',
  /** Throws `new Error()`. */
  boom: '/boom',
  /** Throws `httpError(404, HTTP_ERROR_DETAIL)`. */
  httpError: '/http-error',
} as const

export const HELLO_BODY = { hello: 'world' } as const
export const HTTP_ERROR_DETAIL = 'No user with this id.'

/** Bodies of the hand-written handlers: the same fields a minimal API would send. */
export const MINIMAL_NOT_FOUND = { status: 404, title: 'Not Found' } as const
export const MINIMAL_INTERNAL = { status: 500, title: 'Internal Server Error' } as const

export const MANY_ROUTES = 1000
/** Route `index` of the many-routes app; every one is `GET` only. */
export function manyRoutePath(index: number, param: string): string {
  return `/r${index}/items/${param}`
}

/** What a route does: answer `HELLO_BODY`, or throw `thrownBy(answer)`. */
export type RouteAnswer = 'hello' | 'error' | 'http-error'

export interface AppRoute {
  readonly path: string
  readonly answer: RouteAnswer
}

/**
 * The routes of a variant, in registration order, for every framework alike: `ROUTES`, then, in the
 * many-routes app, `MANY_ROUTES` parameterised GET routes (the 405 scenario targets the last).
 */
export function appRoutes(kind: AppKind): readonly AppRoute[] {
  const routes: AppRoute[] = [
    { path: ROUTES.hello, answer: 'hello' },
    { path: ROUTES.boom, answer: 'error' },
    { path: ROUTES.httpError, answer: 'http-error' },
  ]
  if (kind === 'many-routes' || kind === 'same-bytes-many-routes') {
    for (let index = 0; index < MANY_ROUTES; index++) {
      routes.push({ path: manyRoutePath(index, ':id'), answer: 'hello' })
    }
  }
  return routes
}

/** What a throwing route throws; made per request, as a real route would. */
export function thrownBy(answer: Exclude<RouteAnswer, 'hello'>): Error {
  return answer === 'error' ? new Error() : httpError(404, HTTP_ERROR_DETAIL)
}

/** No-op `onError`: replaces status-errors' default logging where the baseline logs nothing. */
export function ignoreError(): void {}

/** Reads `status` (else 500) and `message` of a thrown value, as a hand-written handler does. */
export function readStatusAndMessage(error: unknown): { status: number; message: string } {
  if (!(error instanceof Error)) return { status: 500, message: 'Internal Server Error' }
  const status: unknown = Reflect.get(error, 'status')
  return { status: typeof status === 'number' ? status : 500, message: error.message }
}

/** The spec travels to the child process in this environment variable. */
export const SPEC_ENV = 'STATUS_ERRORS_BENCH_SERVER'

export function serverKey(spec: ServerSpec): string {
  return `${spec.framework}-${spec.app}-${spec.instance}`
}

export function parseSpec(text: string | undefined): ServerSpec {
  if (text === undefined) throw new Error(`${SPEC_ENV} is not set`)
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null) throw new Error(`${SPEC_ENV} is not an object`)
  const framework: unknown = Reflect.get(value, 'framework')
  const app: unknown = Reflect.get(value, 'app')
  const instance: unknown = Reflect.get(value, 'instance')
  if (!isOneOf(FRAMEWORKS, framework) || !isOneOf(APP_KINDS, app) || typeof instance !== 'number') {
    throw new Error(`${SPEC_ENV} is not a server spec: ${text}`)
  }
  return { framework, app, instance }
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return values.some((candidate) => candidate === value)
}
