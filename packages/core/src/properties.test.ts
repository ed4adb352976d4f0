import { validateHeaderName, validateHeaderValue } from 'node:http'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { HttpError } from './http-error.js'
import { type Answer, createStatusErrors, type RequestInfo } from './status-errors.js'
import { DOCUMENTED_STATUSES } from './statuses/documented.js'

/**
 * Invariants over generated thrown values and Accept headers. CI runs RUNS cases per property;
 * `FAST_CHECK_RUNS=100000 pnpm vitest run properties` runs more by hand.
 */
const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 10_000)

/** Planted in messages: shown only when the error allows it (a 4xx, or `expose: true`). */
const SECRET = 'SECRET-7f3a'
/** Planted in properties that are not part of the protocol: never shown. */
const EXTRA = 'EXTRA-91bd'

const DOCUMENTED = new Set<number>(DOCUMENTED_STATUSES.map((row) => row.status))

/** Strings of every kind: control characters, beyond Latin-1, lone surrogates, huge ones. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', '\r\n', '\u0000', '\u007f', '日本', '\ud800', '</script>', '"\\'),
  fc.integer({ min: 0, max: 100_000 }).map((size) => 'x'.repeat(size)),
)

const oddStatus = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(400, 401, 403, 404, 405, 409, 413, 418, 422, 429, 500, 502, 503, 504, 599, 600, 302),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '404', '500', null, true, 404n, Symbol('s')),
)

/**
 * A Proxy whose every trap throws for the keys status-errors could read. Symbol keys are let
 * through: fast-check itself probes generated values for its clone symbol.
 */
function throwingEverywhere(): object {
  const fail = (): never => {
    throw new Error(SECRET)
  }
  return new Proxy(
    {},
    {
      get: (target, key) => (typeof key === 'symbol' ? Reflect.get(target, key) : fail()),
      has: (target, key) => (typeof key === 'symbol' ? Reflect.has(target, key) : fail()),
      ownKeys: fail,
      getPrototypeOf: fail,
      getOwnPropertyDescriptor: fail,
    },
  )
}

const hostileHeaders = fc.oneof(
  fc.dictionary(anyText, fc.oneof(anyText, fc.array(anyText, { maxLength: 4 }), fc.integer(), fc.double())),
  fc.array(anyText, { maxLength: 3 }),
  fc.array(fc.tuple(anyText, anyText), { maxLength: 3 }),
  fc.constant(null),
  fc.constant(throwingEverywhere()),
  fc.constant(
    new Proxy(['Bearer realm="x"'], { get: (t, k) => (k === '0' ? `x\r\n${SECRET}` : Reflect.get(t, k)) }),
  ),
  fc.constant({
    'X-Huge': 'y'.repeat(70_000),
    'WWW-Authenticate': ['Basic', `Bearer realm="${SECRET}\u0001"`],
  }),
)

/** An error-like object with the ecosystem's properties, each possibly hostile. */
const errorLike = fc
  .record(
    {
      status: oddStatus,
      statusCode: oddStatus,
      expose: fc.oneof(fc.boolean(), fc.constant('yes')),
      message: anyText.map((text) => `${text}${SECRET}`),
      headers: hostileHeaders,
      code: fc.constantFrom(
        'ECONNREFUSED',
        'ETIMEDOUT',
        '23505',
        'P2025',
        'Z_DATA_ERROR',
        'EBADCSRFTOKEN',
        'X',
      ),
      name: fc.constantFrom('Error', 'SyntaxError', 'URIError', 'TimeoutError', 'AbortError'),
      isBoom: fc.boolean(),
      isAxiosError: fc.boolean(),
      data: fc.constant({ token: EXTRA }),
      extra: fc.constant(EXTRA),
      detail: fc.constant(EXTRA),
    },
    { requiredKeys: [] },
  )
  .map((props) => Object.assign(new Error(`${SECRET} in the message`), props))

function withThrowingGetters(error: Error): Error {
  for (const key of ['status', 'statusCode', 'expose', 'headers', 'message', 'cause']) {
    Object.defineProperty(error, key, {
      get() {
        throw new Error(SECRET)
      },
    })
  }
  return error
}

function cyclic(): Error {
  const a = new Error(SECRET)
  const b = new Error(SECRET, { cause: a })
  Object.defineProperty(a, 'cause', { value: b })
  return a
}

const thrownValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  errorLike,
  errorLike.map(withThrowingGetters),
  errorLike.map((error) => new Proxy(error, {})),
  fc.constant(throwingEverywhere()),
  fc.constant(undefined).map(cyclic),
  fc.record({ status: oddStatus, message: anyText, headers: hostileHeaders }),
  fc
    .tuple(fc.integer({ min: 400, max: 599 }), anyText, hostileHeaders, fc.boolean())
    .map(
      ([status, detail, headers, expose]) =>
        new HttpError(status, `${detail}${SECRET}`, { headers: headers as never, expose }),
    ),
)

const mediaRange = fc.oneof(
  fc.constantFrom(
    '*/*',
    'application/json',
    'application/problem+json',
    'text/html',
    'text/plain',
    'image/png',
  ),
  anyText,
)
const acceptHeader: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  anyText,
  fc
    .array(fc.tuple(mediaRange, fc.option(fc.double({ min: -1, max: 2 }))), { maxLength: 8 })
    .map((ranges) => ranges.map(([range, q]) => (q === null ? range : `${range};q=${q}`)).join(', ')),
)

const method = fc.constantFrom('GET', 'HEAD', 'POST', 'DELETE', 'PURGE')

/** The checks every answer must pass; throws (fails the property) otherwise. */
function assertWellFormed(answer: Answer, request: RequestInfo, exposed: boolean): void {
  if (!DOCUMENTED.has(answer.status)) throw new Error(`undocumented status ${answer.status}`)
  for (const [name, value] of [...answer.headers, ...answer.defaultHeaders]) {
    validateHeaderName(name)
    for (const line of typeof value === 'string' ? [value] : value) validateHeaderValue(name, line)
  }
  const header = (name: string) => answer.headers.find(([key]) => key === name)?.[1]
  const contentType = String(header('content-type'))
  if (request.method === 'HEAD') {
    if (answer.body !== '') throw new Error('HEAD with a body')
    return
  }
  if (header('content-length') !== String(Buffer.byteLength(answer.body)))
    throw new Error('bad Content-Length')
  if (contentType.includes('json')) JSON.parse(answer.body)
  else if (contentType.startsWith('text/html') && !answer.body.startsWith('<!DOCTYPE html>')) {
    throw new Error('not an HTML page')
  }
  if (answer.body.includes(EXTRA) || (!exposed && answer.body.includes(SECRET))) {
    throw new Error(`leak: ${answer.body.slice(0, 200)}`)
  }
}

/** Whether the thrown value itself allows its message to be shown (4xx, or `expose: true`). */
function mayExpose(thrown: unknown): boolean {
  try {
    if (typeof thrown !== 'object' || thrown === null) return false
    return Reflect.get(thrown, 'expose') === true || (thrown instanceof HttpError && thrown.status < 500)
  } catch {
    return false
  }
}

describe('respondToError, over generated thrown values and Accept headers', () => {
  const engine = createStatusErrors()

  it(`never throws and always answers a documented, well-formed response (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(thrownValue, acceptHeader, method, (thrown, accept, verb) => {
        const request: RequestInfo = { method: verb, path: '/x', accept }
        const answer = engine.respondToError(thrown, request)
        assertWellFormed(answer, request, mayExpose(thrown))
        // Beyond the body, a 5xx never shows its message unless the error allows it.
        if (answer.status >= 500 && !mayExpose(thrown) && answer.body.includes(SECRET)) {
          throw new Error('5xx message leaked')
        }
      }),
      { numRuns: RUNS },
    )
  })

  it(`keeps unmatched answers documented and well-formed for any Accept (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(acceptHeader, method, fc.boolean(), (accept, verb, routed) => {
        const request: RequestInfo = { method: verb, path: '/x', accept }
        const routes = { pathMethods: new Set(routed ? ['POST'] : []), appMethods: new Set(['GET', 'POST']) }
        const answer = engine.respondToUnmatched(request, routes)
        if (answer.status === 204) return
        assertWellFormed(answer, request, false)
      }),
      { numRuns: RUNS },
    )
  })
})
