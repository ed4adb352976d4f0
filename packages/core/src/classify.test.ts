import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { type ClassifyOptions, classifyError, KEYS_THE_RULES_READ, PARSE_ERROR_DETAIL } from './classify.js'
import { httpError } from './http-error.js'
import { createCatalog } from './statuses/catalog.js'

const collapse: ClassifyOptions = { catalog: createCatalog(), undocumented: 'collapse', map: [] }
const passthrough: ClassifyOptions = { catalog: createCatalog(), undocumented: 'passthrough', map: [] }

const withProps = (message: string, props: Record<string, unknown>) =>
  Object.assign(new Error(message), props)

const syntaxError = (props: Record<string, unknown>) =>
  Object.assign(new SyntaxError('Unexpected token \'h\', ..."assword": hunter2}" is not valid JSON'), props)

describe('classifyError', () => {
  it.each([
    // Our errors.
    { name: 'HttpError 4xx', thrown: httpError(404, 'No user.'), status: 404, detail: 'No user.' },
    { name: 'HttpError 5xx hides detail', thrown: httpError(500, 'db down'), status: 500, detail: undefined },
    {
      name: 'HttpError 5xx with expose',
      thrown: httpError(503, 'Later.', { expose: true }),
      status: 503,
      detail: 'Later.',
    },
    {
      name: 'HttpError 4xx with expose false',
      thrown: httpError(400, 'x', { expose: false }),
      status: 400,
      detail: undefined,
    },
    { name: 'HttpError with a non-error status', thrown: httpError(302), status: 500, detail: undefined },
    // http-errors protocol.
    {
      name: 'status + expose',
      thrown: withProps('Nope.', { status: 403, expose: true }),
      status: 403,
      detail: 'Nope.',
    },
    {
      name: 'status without expose',
      thrown: withProps('secret', { status: 400 }),
      status: 400,
      detail: undefined,
    },
    {
      name: 'status beats statusCode',
      thrown: withProps('x', { status: 409, statusCode: 400 }),
      status: 409,
      detail: undefined,
    },
    { name: 'statusCode alone', thrown: withProps('x', { statusCode: 404 }), status: 404, detail: undefined },
    {
      name: 'invalid status falls back to statusCode',
      thrown: withProps('x', { status: 'x', statusCode: 404 }),
      status: 404,
      detail: undefined,
    },
    { name: 'fractional status', thrown: withProps('x', { status: 404.5 }), status: 500, detail: undefined },
    { name: 'NaN status', thrown: withProps('x', { status: Number.NaN }), status: 500, detail: undefined },
    { name: 'status 9999', thrown: withProps('x', { status: 9999 }), status: 500, detail: undefined },
    {
      name: 'message equal to the title is dropped',
      thrown: withProps('Not Found', { status: 404, expose: true }),
      status: 404,
      detail: undefined,
    },
    {
      name: '5xx with expose true',
      thrown: withProps('Maintenance until 6.', { status: 503, expose: true }),
      status: 503,
      detail: 'Maintenance until 6.',
    },
    // Boom.
    {
      name: 'Boom 4xx',
      thrown: withProps('Gone fishing.', { isBoom: true, output: { statusCode: 404, headers: {} } }),
      status: 404,
      detail: 'Gone fishing.',
    },
    {
      name: 'Boom 5xx',
      thrown: withProps('secret', { isBoom: true, output: { statusCode: 500, headers: {} } }),
      status: 500,
      detail: undefined,
    },
    { name: 'Boom without output', thrown: withProps('x', { isBoom: true }), status: 500, detail: undefined },
    // Parsers and decoding.
    {
      name: "body-parser's unsupported Content-Encoding, whose message quotes the client's header",
      thrown: withProps('unsupported content encoding "x-klingon"', {
        status: 415,
        expose: true,
        type: 'encoding.unsupported',
        encoding: 'x-klingon',
      }),
      status: 400,
      detail: PARSE_ERROR_DETAIL.encoding,
    },
    {
      name: 'body-parser JSON failure',
      thrown: syntaxError({
        type: 'entity.parse.failed',
        status: 400,
        statusCode: 400,
        expose: true,
        body: '{"password": hunter2}',
      }),
      status: 400,
      detail: PARSE_ERROR_DETAIL.json,
    },
    {
      name: 'co-body JSON failure',
      thrown: syntaxError({ status: 400, body: 'x' }),
      status: 400,
      detail: PARSE_ERROR_DETAIL.json,
    },
    {
      name: 'Fastify 4 JSON failure',
      thrown: syntaxError({ statusCode: 400 }),
      status: 400,
      detail: PARSE_ERROR_DETAIL.json,
    },
    {
      name: 'Fastify 5 JSON failure',
      thrown: withProps("Body is not valid JSON but content-type is set to 'application/json'", {
        code: 'FST_ERR_CTP_INVALID_JSON_BODY',
        statusCode: 400,
      }),
      status: 400,
      detail: PARSE_ERROR_DETAIL.json,
    },
    {
      name: 'non-JSON parse failure',
      thrown: withProps('bad form', { type: 'entity.parse.failed', status: 400, expose: true }),
      status: 400,
      detail: PARSE_ERROR_DETAIL.body,
    },
    {
      name: 'Fastify validation',
      thrown: withProps('body/age must be integer', {
        code: 'FST_ERR_VALIDATION',
        statusCode: 400,
        validation: [],
      }),
      status: 400,
      detail: 'body/age must be integer',
    },
    {
      name: 'URIError',
      thrown: new URIError("Failed to decode param '%E0%A4%A'"),
      status: 400,
      detail: PARSE_ERROR_DETAIL.path,
    },
    // Not errors at all.
    { name: 'a string', thrown: 'boom', status: 500, detail: undefined },
    { name: 'null', thrown: null, status: 500, detail: undefined },
    { name: 'undefined', thrown: undefined, status: 500, detail: undefined },
    { name: 'a number', thrown: 404, status: 500, detail: undefined },
    {
      name: 'a frozen object with a status',
      thrown: Object.freeze({ status: 404 }),
      status: 404,
      detail: undefined,
    },
    // Documented codes only.
    {
      name: 'undocumented 4xx collapses',
      thrown: withProps('Too big.', { status: 413, expose: true }),
      status: 400,
      detail: 'Too big.',
    },
    {
      name: 'undocumented 5xx collapses',
      thrown: withProps('x', { status: 507 }),
      status: 500,
      detail: undefined,
    },
  ])('$name → $status', ({ thrown, status, detail }) => {
    const result = classifyError(thrown, collapse)
    expect(result).toMatchObject({ status, detail, expose: detail !== undefined })
  })

  it('keeps an undocumented status in passthrough mode', () => {
    expect(classifyError(withProps('x', { status: 413 }), passthrough).status).toBe(413)
    expect(classifyError(withProps('x', { status: 302 }), passthrough).status).toBe(500)
  })

  it('keeps a status the user added to the catalog', () => {
    const options: ClassifyOptions = {
      catalog: createCatalog({ 429: { description: 'Slow down.' } }),
      undocumented: 'collapse',
      map: [],
    }
    expect(classifyError(withProps('x', { status: 429 }), options).status).toBe(429)
  })

  it('never throws on hostile values', () => {
    const getterBomb = Object.defineProperty({}, 'status', {
      get() {
        throw new Error('getter')
      },
    })
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
      },
    )
    const cyclic: { cause?: unknown } = {}
    cyclic.cause = cyclic
    for (const thrown of [getterBomb, proxy, cyclic, Symbol('x'), () => 1]) {
      expect(classifyError(thrown, collapse).status).toBe(500)
    }
  })

  it('reads validated headers from the error', () => {
    const result = classifyError(
      withProps('x', {
        status: 401,
        headers: { 'WWW-Authenticate': 'Basic', 'X-Bad': 'a\r\nb', 'Content-Type': 'text/html' },
      }),
      collapse,
    )
    expect(result.headers).toEqual([['www-authenticate', 'Basic']])
  })

  it('reads Boom output headers', () => {
    const boom = withProps('x', {
      isBoom: true,
      output: { statusCode: 405, headers: { Allow: 'GET, HEAD' } },
    })
    expect(classifyError(boom, collapse).headers).toEqual([['allow', 'GET, HEAD']])
  })
})

describe('classifyError: bare native errors', () => {
  /** Takes every rule: not a native error's own prototype. */
  class SubclassedError extends Error {}

  it.each([
    new Error('db.query is not a function'),
    new TypeError(),
    new RangeError('x'),
    new ReferenceError('y'),
  ])('answers 500 without detail or headers for a bare %s', (thrown) => {
    expect(classifyError(thrown, collapse)).toEqual({
      status: 500,
      headers: [],
      detail: undefined,
      expose: false,
    })
  })

  it.each([
    {
      name: 'a status that is not enumerable',
      thrown: Object.defineProperty(new Error('x'), 'status', { value: 404 }),
      status: 404,
    },
    {
      name: 'a cause',
      thrown: new TypeError('fetch failed', { cause: withProps('', { code: 'ECONNREFUSED' }) }),
      status: 502,
    },
    { name: 'an own name', thrown: withProps('', { name: 'TimeoutError' }), status: 504 },
    {
      name: 'a proxy whose trap answers a key it does not list',
      thrown: new Proxy(new Error('x'), {
        get: (target, key) => (key === 'status' ? 409 : Reflect.get(target, key)),
      }),
      status: 409,
    },
    {
      name: 'a proxy whose getPrototypeOf trap throws',
      thrown: new Proxy(new Error('x'), {
        getPrototypeOf: () => {
          throw new Error('trap')
        },
        get: (target, key) => (key === 'status' ? 409 : Reflect.get(target, key)),
      }),
      status: 409,
    },
  ])('takes the rules for an error with $name', ({ thrown, status }) => {
    expect(classifyError(thrown, collapse).status).toBe(status)
  })

  it('reads no property of a bare error', () => {
    // The rules read `code` first of all; a getter on the prototype sees whether they ran.
    const reads = vi.fn(() => undefined)
    Object.defineProperty(Error.prototype, 'code', { get: reads, configurable: true })
    try {
      expect(classifyError(new Error('x'), collapse).status).toBe(500)
      expect(reads).not.toHaveBeenCalled()
      expect(classifyError(new SubclassedError('x'), collapse).status).toBe(500)
      expect(reads).toHaveBeenCalled()
    } finally {
      Reflect.deleteProperty(Error.prototype, 'code')
    }
  })

  it.each([Error, TypeError, RangeError, ReferenceError, SyntaxError, URIError, EvalError])(
    'classifies a %o with only a message like a subclass of it',
    (NativeError) => {
      class Subclassed extends NativeError {}
      for (const message of [
        '',
        'x',
        'Object contains forbidden prototype property',
        'Unexpected token } in JSON at position 1',
        'URI malformed',
      ]) {
        expect(classifyError(new NativeError(message), collapse)).toEqual(
          classifyError(new Subclassed(message), collapse),
        )
      }
    },
  )

  it('classifies an Error like a subclass with the same properties', () => {
    const key = fc.constantFrom(
      'status',
      'statusCode',
      'expose',
      'code',
      'name',
      'type',
      'isBoom',
      'output',
      'headers',
      'cause',
      'errno',
      'message',
    )
    const value = fc.oneof(
      fc.constantFrom(400, 404, 409, 418, 503, 'ECONNREFUSED', 'ETIMEDOUT', 'TimeoutError', '23505', true),
      fc.constantFrom('entity.parse.failed', 'P2025', 'EBADCSRFTOKEN', 'SyntaxError', 'URIError'),
      fc.record({
        statusCode: fc.constantFrom(401, 500),
        headers: fc.constant({ 'WWW-Authenticate': 'Basic' }),
      }),
      fc.string(),
    )
    /** Defines the properties as given: enumerable ones as an assignment sets them, others as `defineProperty` does. */
    function withDefined(error: Error, props: Record<string, unknown>, enumerable: boolean): Error {
      for (const [name, value] of Object.entries(props)) {
        Object.defineProperty(error, name, { value, enumerable, configurable: true, writable: true })
      }
      return error
    }
    fc.assert(
      fc.property(fc.dictionary(key, value), fc.string(), fc.boolean(), (props, message, enumerable) => {
        const plain = withDefined(new Error(message), props, enumerable)
        const subclassed = withDefined(new SubclassedError(message), props, enumerable)
        expect(classifyError(plain, collapse)).toEqual(classifyError(subclassed, collapse))
      }),
      { numRuns: 2_000 },
    )
  })

  it.each([Error, TypeError, RangeError, ReferenceError])(
    'lists every key the rules read of a bare %o',
    (NativeError) => {
      // A proxy takes the rules, and its trap sees each key they read of the error itself.
      const read = new Set<PropertyKey>()
      const recorder = new Proxy(new NativeError('fetch failed'), {
        get: (target, key, receiver) => {
          read.add(key)
          return Reflect.get(target, key, receiver)
        },
      })
      expect(classifyError(recorder, collapse).status).toBe(500)
      expect(new Set(KEYS_THE_RULES_READ)).toEqual(read)
    },
  )

  it('answers 500 for a native error with own keys no rule reads, a symbol among them', () => {
    const thrown = Object.assign(new Error('x'), {
      requestId: 'r-1',
      [Symbol('trace')]: 1,
      statusText: 'Not Found',
    })
    expect(classifyError(thrown, collapse)).toEqual(classifyError(new SubclassedError('x'), collapse))
    expect(classifyError(thrown, collapse).status).toBe(500)
  })
})
