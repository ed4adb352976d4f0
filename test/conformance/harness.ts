import type { StatusErrorsOptions } from '@status-errors/core'

/**
 * A framework-neutral description of an app. Each harness translates it into a real Express, Koa
 * or Fastify app with status-errors installed the documented way, and listens on 127.0.0.1.
 */
export interface AppSpec {
  readonly routes: readonly RouteSpec[]
  /** Routes of a router mounted under `prefix` (Express `Router`, @koa/router `prefix`, Fastify `register`). */
  readonly mounted?: { readonly prefix: string; readonly routes: readonly RouteSpec[] }
  /** Headers a middleware before the routes sets on every response (CORS, request ids …). */
  readonly earlyHeaders?: Readonly<Record<string, string>>
  readonly options?: StatusErrorsOptions
}

export interface RouteSpec {
  /** Upper-case method, or `ALL` for a route that takes every method. */
  readonly method: string
  /**
   * Neutral pattern: static segments and `:param` segments. `*` is a root catch-all, which each
   * harness writes in its framework's syntax (`*`, `/{*splat}` …).
   */
  readonly path: string
  readonly handler: RouteHandler
}

export type RouteHandler =
  /** Answers 200 with this JSON body. */
  | { readonly kind: 'ok'; readonly body: unknown }
  /** Sets headers, then throws (sync) or rejects (async) with `error()`. */
  | {
      readonly kind: 'throw'
      readonly error: () => unknown
      readonly async?: boolean
      readonly setHeaders?: Readonly<Record<string, string>>
    }
  /** Passes the request on as if the route did not match (`next()`, `reply.callNotFound()`). */
  | { readonly kind: 'fall-through' }
  /** Parses a JSON request body with the framework's usual parser and echoes it. */
  | { readonly kind: 'parse-json' }

export interface RunningApp {
  readonly port: number
  close(): Promise<void>
}

/** One framework major. `start` builds the app for a spec and listens on 127.0.0.1:0. */
export interface Harness {
  /** e.g. `express 4` */
  readonly name: string
  readonly framework: 'express' | 'koa' | 'fastify'
  start(spec: AppSpec): Promise<RunningApp>
}
