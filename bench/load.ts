import autocannon from 'autocannon'

/** Fixed by the method: 50 connections, no pipelining, on the loopback interface. */
export const CONNECTIONS = 50
export const PIPELINING = 1

export type Method = 'GET' | 'POST'

/** One kind of request a target receives, and the status it must answer. */
export interface RequestSpec {
  readonly method: Method
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly status: number
  /** Checked once before measuring: the Content-Type must start with it. */
  readonly contentType?: string
}

export interface LoadResult {
  readonly responses: number
  readonly seconds: number
  readonly requestsPerSecond: number
  /** Responses with another status than expected, plus connection errors and timeouts. */
  readonly failures: number
}

/** Runs autocannon in this (the runner's) process against a server of another process. */
export async function runLoad(port: number, request: RequestSpec, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    ...requestsOf(port, request),
    connections: CONNECTIONS,
    duration: seconds,
  })
  const responses = result.requests.total
  return {
    responses,
    seconds: result.duration,
    requestsPerSecond: responses / result.duration,
    failures: failuresOf(result, request),
  }
}

/**
 * Sends exactly `amount` requests of one kind over `connections` connections, each given up after
 * `timeoutSeconds`; `failures` counts another status, errors and timeouts.
 */
export async function sendAmount(
  port: number,
  request: RequestSpec,
  load: { readonly amount: number; readonly connections: number; readonly timeoutSeconds: number },
): Promise<{ readonly responses: number; readonly failures: number }> {
  const { amount, connections, timeoutSeconds } = load
  const result = await autocannon({
    ...requestsOf(port, request),
    connections,
    amount,
    timeout: timeoutSeconds,
  })
  return { responses: result.requests.total, failures: failuresOf(result, request) }
}

/** The requests of one kind, as autocannon takes them. */
function requestsOf(port: number, request: RequestSpec) {
  return {
    url: `http://127.0.0.1:${port}${request.path}`,
    pipelining: PIPELINING,
    method: request.method,
    headers: { ...request.headers },
  }
}

/** Responses with another status than expected, plus connection errors and timeouts. */
function failuresOf(result: autocannon.Result, request: RequestSpec): number {
  return result.requests.total - countStatus(result, request.status) + result.errors + result.timeouts
}

/**
 * Sends exactly `amount` requests, each one built by `next` (for workloads that vary path and
 * headers per request), and returns how many failed (connection errors and timeouts).
 */
export async function runAmount(
  port: number,
  amount: number,
  next: () => autocannon.Request,
): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    pipelining: PIPELINING,
    amount,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  })
  return result.errors + result.timeouts
}

function countStatus(result: autocannon.Result, status: number): number {
  const stats = result.statusCodeStats ?? {}
  for (const [code, entry] of Object.entries(stats)) {
    if (Number(code) === status) return entry.count ?? 0
  }
  return 0
}
