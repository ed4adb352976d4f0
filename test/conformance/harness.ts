import type { CompletedOpenApi, OpenApiDocument, StatusErrorsOptions } from '@status-errors/core'

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
  /**
   * A header (lower-case name) that the response refuses with a TypeError, as Node refuses an
   * invalid value: set up by a middleware before the routes, where the framework writes headers
   * (Node's `setHeader` on Express and Koa, `writeHead` under Fastify's reply).
   */
  readonly refuseHeader?: string
  /**
   * Options for status-errors. On Express one installation gives the guard (mounted first) and the
   * handlers (mounted last).
   */
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
  /**
   * Parses an urlencoded form body with the framework's usual parser and echoes it (Fastify has no
   * built-in form parser: it refuses the media type).
   */
  | { readonly kind: 'parse-form' }
  /**
   * Answers without throwing: `status` set explicitly only when given (else the framework's
   * default), a JSON `body` only when given (else an empty response), `headers` set first.
   */
  | {
      readonly kind: 'respond'
      readonly status?: number
      readonly body?: unknown
      readonly headers?: Readonly<Record<string, string>>
    }
  /** Answers 202 Accepted through the adapter's `accepted` helper, with an optional Location. */
  | { readonly kind: 'accepted'; readonly location?: string }
  /**
   * Awaits `action(signal)` — the adapter's timeout AbortSignal, if any — and answers 200 with
   * its JSON result; a rejection is the route's error (real upstream calls, real clients).
   */
  | { readonly kind: 'await'; readonly action: (signal: AbortSignal | undefined) => Promise<unknown> }
  /**
   * Sets `Content-Type: text/plain` and ends the response with an empty body of this type, without
   * setting a status (what a body-less DELETE does in each framework's idiom).
   */
  | { readonly kind: 'end-empty'; readonly body: 'string' | 'buffer' | 'uint8array' }
  /**
   * Starts a 200 text/plain response through Node's response and writes `partial`, then either
   * throws (`next: 'throw'`) or calls the adapter's `accepted` helper and ends with `done`
   * (`next: 'accepted'`).
   */
  | { readonly kind: 'after-start'; readonly next: 'throw' | 'accepted' }
  /** Validates the JSON body against `schema` with the framework's own validation (Fastify only). */
  | { readonly kind: 'validate-json'; readonly schema: Readonly<Record<string, unknown>> }

export interface RunningApp {
  readonly port: number
  close(): Promise<void>
  /** The app's OpenAPI document (from `base`, if given), completed by status-errors from its live routes. */
  readonly openApi?: (base?: OpenApiDocument) => CompletedOpenApi
}

/** One framework major. `start` builds the app for a spec and listens on 127.0.0.1:0. */
export interface Harness {
  /** e.g. `express 4` */
  readonly name: string
  readonly framework: 'express' | 'koa' | 'fastify'
  start(spec: AppSpec): Promise<RunningApp>
}
