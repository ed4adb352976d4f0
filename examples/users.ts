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
