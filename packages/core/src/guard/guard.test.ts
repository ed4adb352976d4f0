import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { ACCEPT_READ_LIMIT } from '../accept-memo.js'
import { StatusErrorsConfigError } from '../errors.js'
import { createAdmission } from './admission.js'
import { type GuardOptions, resolveGuardOptions } from './guard-options.js'
import { documentedSuccessStatus } from './success-status.js'

const admission = (options: GuardOptions) => createAdmission(resolveGuardOptions(options))

describe('resolveGuardOptions', () => {
  it('names no early option without guard options', () => {
    expect(resolveGuardOptions({})).toMatchObject({ admits: false, timed: false, earlyOptions: [] })
  })

  it.each<[string, GuardOptions, { admits: boolean; timed: boolean; earlyOptions: string[] }]>([
    ['success', { success: 'documented' }, { admits: false, timed: false, earlyOptions: ['success'] }],
    [
      'produces',
      { produces: ['application/json'] },
      { admits: true, timed: false, earlyOptions: ['produces'] },
    ],
    [
      'a body timeout',
      { timeout: { body: 1000 } },
      { admits: false, timed: true, earlyOptions: ['timeout'] },
    ],
    [
      'a handler timeout',
      { timeout: { handler: 1000 } },
      { admits: false, timed: true, earlyOptions: ['timeout'] },
    ],
    [
      'maintenance',
      { maintenance: () => false },
      { admits: true, timed: false, earlyOptions: ['maintenance'] },
    ],
    ['shedding', { shed: { maxInFlight: 10 } }, { admits: true, timed: false, earlyOptions: ['shed'] }],
  ])('acts before the route for %s', (_name, options, expected) => {
    expect(resolveGuardOptions(options)).toMatchObject(expected)
  })

  it.each([
    ['an unknown success mode', { success: 'always' }],
    ['an empty produces', { produces: [] }],
    ['a produces entry that is not a media type', { produces: ['json'] }],
    ['a produces entry with a wildcard range', { produces: ['application/json, text/html'] }],
    ['a negative body timeout', { timeout: { body: -1 } }],
    ['a zero handler timeout', { timeout: { handler: 0 } }],
    ['a fractional timeout', { timeout: { handler: 1.5 } }],
    ['a timeout beyond what setTimeout can wait', { timeout: { handler: 2 ** 31 } }],
    ['a handlerStatus that is not 503 or 504', { timeout: { handler: 10, handlerStatus: 500 } }],
    ['a maintenance string', { maintenance: 'yes' }],
    ['a shed without maxInFlight', { shed: {} }],
    ['a shed with zero', { shed: { maxInFlight: 0 } }],
  ])('rejects %s at startup', (_name, options) => {
    expect(() => resolveGuardOptions(options as never)).toThrow(StatusErrorsConfigError)
  })
})

describe('admission', () => {
  it('refuses everything during maintenance', () => {
    expect(admission({ maintenance: true }).check(undefined, undefined)).toEqual({ status: 503 })
  })

  it('asks a maintenance function on every request', () => {
    let down = false
    const check = admission({ maintenance: () => down })
    expect(check.check(undefined, undefined)).toBeUndefined()
    down = true
    expect(check.check(undefined, undefined)).toEqual({ status: 503 })
  })

  it.each([
    [undefined, true],
    ['', true],
    ['*/*', true],
    ['application/*', true],
    ['text/csv;q=0.5', true],
    ['application/xml', false],
    ['application/json;q=0', false],
  ])('with produces json and csv, Accept %j is admitted: %s', (accept, admitted) => {
    const result = admission({ produces: ['application/json', 'text/csv'] }).check(accept, undefined)
    expect(result === undefined).toBe(admitted)
    if (!admitted)
      expect(result).toEqual({ status: 406, detail: 'Available media types: application/json, text/csv.' })
  })

  it('admits an Accept header longer than the read limit, since the unread part may admit a type', () => {
    const long = `${'application/xml,'.repeat(100)}text/csv`
    expect(long.length).toBeGreaterThan(ACCEPT_READ_LIMIT)
    expect(admission({ produces: ['application/json', 'text/csv'] }).check(long, undefined)).toBeUndefined()
  })

  it('sheds above maxInFlight and frees the slot when a response closes', () => {
    const check = admission({ shed: { maxInFlight: 2 } })
    const first = new EventEmitter()
    expect(check.check(undefined, first)).toBeUndefined()
    expect(check.check(undefined, new EventEmitter())).toBeUndefined()
    expect(check.check(undefined, new EventEmitter())).toEqual({ status: 503 })
    first.emit('close')
    expect(check.check(undefined, new EventEmitter())).toBeUndefined()
  })
})

describe('documentedSuccessStatus', () => {
  it.each([
    [{ method: 'POST', status: 200, explicit: false, hasBody: true }, 201],
    [{ method: 'POST', status: 200, explicit: true, hasBody: true }, 200],
    [{ method: 'POST', status: 202, explicit: true, hasBody: false }, 202],
    [{ method: 'DELETE', status: 200, explicit: false, hasBody: false }, 204],
    [{ method: 'DELETE', status: 200, explicit: false, hasBody: true }, 200],
    [{ method: 'DELETE', status: 200, explicit: true, hasBody: false }, 200],
    [{ method: 'GET', status: 200, explicit: false, hasBody: true }, 200],
    [{ method: 'PUT', status: 200, explicit: false, hasBody: true }, 200],
  ])('%j → %s', (exchange, status) => {
    expect(documentedSuccessStatus(exchange)).toBe(status)
  })
})
