import { describe, expect, it } from 'vitest'
import { findInCauseChain } from './cause-chain.js'
import { csrfStatus } from './csrf.js'
import { databaseStatus } from './database.js'
import { axiosStatus, upstreamStatus } from './upstream.js'
import { mappedStatus } from './user-mappers.js'

const named = (name: string, props: Record<string, unknown> = {}) =>
  Object.defineProperty(Object.assign(new Error('x'), props), 'name', { value: name })

describe('upstreamStatus', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 502],
    [{ code: 'ECONNRESET' }, 502],
    [{ code: 'EPIPE' }, 502],
    [{ code: 'ENOTFOUND' }, 502],
    [{ code: 'EAI_AGAIN' }, 502],
    [{ code: 'EHOSTUNREACH' }, 502],
    [{ code: 'ENETUNREACH' }, 502],
    [{ code: 'UND_ERR_SOCKET' }, 502],
    [{ code: 'HPE_INVALID_CONSTANT' }, 502],
    [{ name: 'HTTPParserError' }, 502],
    [{ code: 'ETIMEDOUT' }, 504],
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 504],
    [{ code: 'UND_ERR_HEADERS_TIMEOUT' }, 504],
    [{ code: 'UND_ERR_BODY_TIMEOUT' }, 504],
    [{ name: 'TimeoutError' }, 504],
    [{ code: 'EOPENBREAKER' }, 503],
    [{ code: 'ESEMLOCKED' }, 503],
    [{ code: 'ENOENT' }, undefined],
    [{ name: 'AbortError' }, undefined],
  ])('%j → %s', (props, status) => {
    const error = 'name' in props ? named(String(props.name)) : Object.assign(new Error('x'), props)
    expect(upstreamStatus(error)).toBe(status)
  })

  it('recognises the real DOMException of AbortSignal.timeout()', async () => {
    const signal = AbortSignal.timeout(1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(upstreamStatus(signal.reason as object)).toBe(504)
  })
})

describe('axiosStatus', () => {
  const axiosError = (props: Record<string, unknown>) =>
    Object.assign(new Error('x'), { isAxiosError: true, ...props })
  it.each([
    [{ code: 'ECONNABORTED' }, 504],
    [{ code: 'ETIMEDOUT' }, 504],
    [{ code: 'ERR_BAD_RESPONSE', status: 500 }, 502],
    [{ code: 'ERR_BAD_REQUEST', status: 401 }, 502],
    [{ code: 'ERR_NETWORK' }, 502],
    [{ code: 'ECONNREFUSED' }, 502],
    [{ code: 'ERR_BAD_OPTION' }, 500],
    [{ code: 'ERR_CANCELED' }, 500],
  ])('%j → %s', (props, status) => {
    expect(axiosStatus(axiosError(props))).toBe(status)
  })

  it('ignores errors that are not axios errors', () => {
    expect(axiosStatus(Object.assign(new Error('x'), { code: 'ECONNABORTED' }))).toBeUndefined()
  })
})

describe('databaseStatus', () => {
  it.each([
    ['pg unique violation', Object.assign(new Error('x'), { code: '23505' }), 409],
    ['mysql ER_DUP_ENTRY', Object.assign(new Error('x'), { code: 'ER_DUP_ENTRY', errno: 1062 }), 409],
    ['mysql errno only', Object.assign(new Error('x'), { errno: 1062, sqlState: '23000' }), 409],
    ['mongo 11000', named('MongoServerError', { code: 11000 }), 409],
    ['mongo Int32-like code', named('MongoBulkWriteError', { code: { valueOf: () => 11000 } }), 409],
    ['11000 from something else', named('Error', { code: 11000 }), undefined],
    ['better-sqlite3 unique', Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }), 409],
    [
      'sqlite3 unique message',
      Object.assign(new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: u.e'), {
        code: 'SQLITE_CONSTRAINT',
      }),
      409,
    ],
    [
      'sqlite3 foreign key',
      Object.assign(new Error('SQLITE_CONSTRAINT: FOREIGN KEY constraint failed'), {
        code: 'SQLITE_CONSTRAINT',
      }),
      undefined,
    ],
    ['prisma P2002', named('PrismaClientKnownRequestError', { code: 'P2002' }), 409],
    ['prisma P2025', named('PrismaClientKnownRequestError', { code: 'P2025' }), 404],
    ['P2002 without the Prisma name', Object.assign(new Error('x'), { code: 'P2002' }), undefined],
    ['sequelize unique', named('SequelizeUniqueConstraintError'), 409],
    ['sequelize empty result', named('SequelizeEmptyResultError'), 404],
    ['sequelize connection', named('SequelizeConnectionRefusedError'), 503],
    ['mongoose version', named('VersionError'), 409],
    ['mongoose document not found', named('DocumentNotFoundError'), 404],
    ['typeorm entity not found', named('EntityNotFoundError'), 404],
    ['mongo server selection', named('MongoServerSelectionError'), 503],
    [
      'a code whose valueOf throws',
      named('MongoServerError', {
        code: {
          valueOf: () => {
            throw new Error('x')
          },
        },
      }),
      undefined,
    ],
  ])('%s', (_name, error, status) => {
    expect(databaseStatus(error)).toBe(status)
  })
})

describe('csrfStatus', () => {
  it('answers 403 for EBADCSRFTOKEN only', () => {
    expect(csrfStatus(Object.assign(new Error('x'), { code: 'EBADCSRFTOKEN' }))).toBe(403)
    expect(csrfStatus(new Error('x'))).toBeUndefined()
  })
})

describe('findInCauseChain', () => {
  const codeOf = (error: object) => (error as { code?: string }).code

  it('finds the code three causes deep', () => {
    const root = Object.assign(new Error('root'), { code: 'ECONNREFUSED' })
    const chain = new Error('a', { cause: new Error('b', { cause: root }) })
    expect(findInCauseChain(chain, codeOf)).toBe('ECONNREFUSED')
  })

  it('stops on cycles', () => {
    const a = new Error('a') as Error & { cause?: unknown }
    const b = new Error('b', { cause: a })
    a.cause = b
    expect(findInCauseChain(a, codeOf)).toBeUndefined()
  })

  it('stops after eight levels', () => {
    let error: Error = Object.assign(new Error('deep'), { code: 'ECONNREFUSED' })
    for (let i = 0; i < 8; i++) error = new Error(`level ${i}`, { cause: error })
    expect(findInCauseChain(error, codeOf)).toBeUndefined()
  })

  it('survives a throwing cause getter', () => {
    const error = Object.defineProperty(new Error('x'), 'cause', {
      get() {
        throw new Error('getter')
      },
    })
    expect(findInCauseChain(error, codeOf)).toBeUndefined()
  })
})

describe('mappedStatus', () => {
  class QuotaError extends Error {}
  it.each([
    ['a class rule', [[QuotaError, 409] as const], new QuotaError('x'), 409],
    ['a function rule', [() => 403], new Error('x'), 403],
    ['the first match wins', [() => undefined, () => 404, () => 409], new Error('x'), 404],
    ['an out-of-range answer is skipped', [() => 200, () => 400], new Error('x'), 400],
    [
      'a throwing rule is skipped',
      [
        () => {
          throw new Error('bug')
        },
        () => 400,
      ],
      new Error('x'),
      400,
    ],
    ['no match', [[QuotaError, 409] as const], new Error('x'), undefined],
  ])('%s', (_name, rules, thrown, status) => {
    expect(mappedStatus(thrown, rules as never)).toBe(status)
  })
})
