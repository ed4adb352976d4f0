import { readFileSync } from 'node:fs'
import type { OpenApiDocument } from '@status-errors/core'
/** The in-memory resource every example serves, so the three apps behave the same. */
export interface User {
  readonly id: string
  readonly email: string
}

export class UserStore {
  readonly #users = new Map<string, User>([['1', { id: '1', email: 'ada@example.com' }]])
  #nextId = 2

  list(): User[] {
    return [...this.#users.values()]
  }

  find(id: string): User | undefined {
    return this.#users.get(id)
  }

  /** Returns undefined when the email is taken: the route turns that into 409 Conflict. */
  create(email: string): User | undefined {
    if (this.list().some((user) => user.email === email)) return undefined
    const user = { id: String(this.#nextId++), email }
    this.#users.set(user.id, user)
    return user
  }

  delete(id: string): boolean {
    return this.#users.delete(id)
  }
}

/** Requests must carry this bearer token to read `/me`; anything else is a 401. */
export const DEMO_TOKEN = 'demo-token'

/** Users listed here may read but not delete: deleting them is a 403. */
export const PROTECTED_USER_IDS = new Set(['1'])

/** Reads the email of a POST /users body, or undefined when the body has none. */
export function emailOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const email = (body as { email?: unknown }).email
  return typeof email === 'string' && email.includes('@') ? email : undefined
}

/** Where an example listens when started on its own. */
export function portFromEnv(fallback: number): number {
  const port = Number(process.env.PORT)
  return Number.isInteger(port) && port > 0 ? port : fallback
}

/**
 * `onError` for the examples: one line per server error instead of the default stack trace
 * (4xx are the client's business and stay quiet).
 */
export function logServerErrors(
  error: unknown,
  info: { status: number; method: string; path: string },
): void {
  if (info.status < 500) return
  const message = error instanceof Error ? error.message : String(error)
  console.error(`[${info.status}] ${info.method} ${info.path}: ${message}`)
}

/** Where the examples' upstream calls go; the demo points them at a refused port and a hanging server. */
export interface Upstreams {
  /** Weather service: the demo makes it refuse connections (502). */
  readonly weather: string
  /** Forecast service: the demo makes it never answer (504 after FORECAST_TIMEOUT_MS). */
  readonly forecast: string
}

export const DEFAULT_UPSTREAMS: Upstreams = {
  weather: process.env.WEATHER_URL ?? 'http://127.0.0.1:9/',
  forecast: process.env.FORECAST_URL ?? 'http://127.0.0.1:9/',
}

/** The forecast call gives up after this long: `AbortSignal.timeout` turns that into a 504. */
export const FORECAST_TIMEOUT_MS = 150

/** How long the report takes to build: longer than `timeout.handler`, so it gets a 503. */
export const REPORT_BUILD_MS = 2_000

/** Options shared by the three examples, so they answer alike. */
export const STATUS_ERRORS_OPTIONS = {
  // POST without an explicit status → 201, DELETE without a body → 204.
  success: 'documented',
  // The API speaks JSON: an Accept that admits no JSON gets 406 before any route runs.
  produces: ['application/json'],
  // A body that has not arrived after 300 ms → 408; a route silent for 500 ms → 503.
  timeout: { body: 300, handler: 500 },
  onError: logServerErrors,
} as const

/** Resolves after `ms`, or rejects as soon as `signal` aborts (the handler timeout fired). */
export function buildReport(ms: number, signal: AbortSignal | undefined): Promise<{ rows: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve({ rows: 42 }), ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}

/** Proxy-style resources ask for `Proxy-Authorization`; without it they answer 407. */
export const PROXY_CHALLENGE = 'Basic realm="demo proxy"'

/** The examples' hand-written OpenAPI document; each app serves it completed at GET /openapi.json. */
export const BASE_OPENAPI: OpenApiDocument = JSON.parse(
  readFileSync(new URL('./openapi.base.json', import.meta.url), 'utf8'),
) as OpenApiDocument
