import { setTimeout as delay } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ConformanceCase, Expectation } from './conformance-case.js'
import { contractProblems } from './contract.js'
import type { Harness } from './harness.js'
import { type RawResponse, sendRaw } from './http-client.js'

/** Time for an in-flight request to reach its route before the next request is sent. */
const IN_FLIGHT_HEAD_START_MS = 100

/** A case a harness cannot run, and why. Skips are declared here, never hidden in `if`s. */
export interface KnownGap {
  /** Harness name (`express 4`) or framework (`express`). */
  readonly harness: string
  readonly cases: readonly string[]
  readonly reason: string
}

/** What must be byte-identical across frameworks for the same case. */
const COMPARED_HEADERS = [
  'content-type',
  'content-length',
  'allow',
  'www-authenticate',
  'content-security-policy',
]

/**
 * Runs every case against every harness over real sockets, then checks that all harnesses that
 * ran a case answered with the same status, body bytes and describing headers.
 */
export function defineConformanceSuite(
  harnesses: readonly Harness[],
  cases: readonly ConformanceCase[],
  gaps: readonly KnownGap[] = [],
): void {
  assertGapsNameRealCases(cases, gaps)
  // 5xx cases log through each framework's default channel (console.error underneath); what is
  // logged is the adapters' own tests' business, here it is only noise.
  const quiet = vi.spyOn(console, 'error')
  beforeAll(() => {
    quiet.mockImplementation(() => undefined)
  })
  afterAll(() => {
    quiet.mockRestore()
  })
  for (const testCase of cases) {
    describe(testCase.name, () => {
      const answers = new Map<string, string>()
      for (const harness of harnesses) {
        const gap = gaps.find(
          (g) =>
            (g.harness === harness.name || g.harness === harness.framework) &&
            g.cases.includes(testCase.name),
        )
        it.skipIf(gap !== undefined)(`${harness.name}${gap ? ` (skipped: ${gap.reason})` : ''}`, async () => {
          const response = await run(harness, testCase)
          assertExpectation(response, testCase.expect, testCase.request.method)
          answers.set(harness.name, fingerprint(response))
        })
      }
      it.skipIf(testCase.bytesMayDiffer !== undefined)(
        'answers with the same bytes on every framework',
        () => {
          const distinct = new Set(answers.values())
          expect(answers.size, 'no harness answered').toBeGreaterThan(0)
          expect(distinct.size, [...answers].map(([name, answer]) => `${name}: ${answer}`).join('\n')).toBe(1)
        },
      )
    })
  }
}

async function run(harness: Harness, testCase: ConformanceCase): Promise<RawResponse> {
  const app = await harness.start(testCase.app)
  const first = testCase.inFlight === undefined ? undefined : sendRaw(app.port, testCase.inFlight)
  try {
    if (first !== undefined) await delay(IN_FLIGHT_HEAD_START_MS)
    const response = await sendRaw(app.port, testCase.request)
    // Every answer is checked against the app's own generated OpenAPI document.
    if (app.openApi !== undefined && testCase.outsideContract === undefined) {
      expect(
        contractProblems(app.openApi(), testCase.request, response),
        'answer described by the OpenAPI document',
      ).toEqual([])
    }
    return response
  } finally {
    await first
    await app.close()
  }
}

function assertExpectation(response: RawResponse, expected: Expectation, method: string): void {
  const body = response.body
  expect(response.status, `status; body: ${body}`).toBe(expected.status)
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const actual = headerValue(response, name)
    if (value === null) expect(actual, `header ${name} must be absent`).toBeUndefined()
    else if (value instanceof RegExp) expect(actual, `header ${name}`).toMatch(value)
    else expect(actual, `header ${name}`).toBe(value)
  }
  if (expected.body !== undefined) expect(body).toBe(expected.body)
  for (const text of expected.bodyIncludes ?? []) expect(body).toContain(text)
  for (const text of expected.bodyExcludes ?? []) expect(body).not.toContain(text)
  expect(response.complete, 'the message arrived whole').toBe(expected.complete ?? true)
  if (response.status >= 400) assertErrorResponseHeaders(response, method)
}

/** What every error response carries, whatever the case (see core's render/response.ts). */
function assertErrorResponseHeaders(response: RawResponse, method: string): void {
  expect(headerValue(response, 'x-content-type-options')).toBe('nosniff')
  expect(headerValue(response, 'cache-control')).toBe('no-store')
  expect(headerValue(response, 'vary')?.toLowerCase()).toMatch(/(^|, *)accept(,|$)/)
  expect(headerValue(response, 'content-type')).toMatch(
    /^(application\/(problem\+)?json|text\/(html|plain)); charset=utf-8$/,
  )
  expect(response.headers.get('content-length'), 'exactly one Content-Length').toHaveLength(1)
  if (method === 'HEAD') expect(response.body, 'HEAD has no body').toBe('')
  else expect(headerValue(response, 'content-length')).toBe(String(Buffer.byteLength(response.body)))
}

function headerValue(response: RawResponse, name: string): string | undefined {
  return response.headers.get(name)?.join(', ')
}

/**
 * Status, the compared headers, body and framing. For status-errors' own answers (errors, and the
 * 204 of OPTIONS) the header lines are compared as sent, names spelt as on the wire; a route's own
 * success answer is spelt by its framework (Express and Koa send `Content-Type`).
 */
function fingerprint(response: RawResponse): string {
  const spelt = response.status >= 400 || response.status === 204
  const headers = COMPARED_HEADERS.map((name) =>
    spelt
      ? response.fieldLines.filter((line) => line.toLowerCase().startsWith(`${name}:`)).join(' | ') ||
        `${name}: -`
      : `${name}=${headerValue(response, name) ?? '-'}`,
  ).join(' ')
  return `${response.status} ${headers} ${JSON.stringify(response.body)} complete=${response.complete}`
}

function assertGapsNameRealCases(cases: readonly ConformanceCase[], gaps: readonly KnownGap[]): void {
  const names = new Set(cases.map((c) => c.name))
  if (names.size !== cases.length) throw new Error('conformance case names must be unique')
  for (const gap of gaps) {
    for (const name of gap.cases)
      if (!names.has(name)) throw new Error(`skip list names an unknown case: ${name}`)
  }
}
