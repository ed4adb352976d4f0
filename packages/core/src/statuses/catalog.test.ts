import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { StatusErrorsConfigError } from '../errors.js'
import { createCatalog } from './catalog.js'
import { DOCUMENTED_STATUSES } from './documented.js'

/** The product spec, kept in the repository so a clone alone can check the catalog against it. */
const SPEC = new URL('../../../../spec/status-codes.rst', import.meta.url)
/** Where the spec comes from: the team's shared folder beside the checkout, when it is there. */
const SHARED_SEED = new URL('../../../../../shared/seed/000_a84b8680179806cf.txt', import.meta.url)

/** Rows of the seed's RST grid tables: `| 404 Not Found | The server could not … |`. */
function seedRows(): { status: number; title: string; description: string }[] {
  const rows = []
  for (const line of readFileSync(SPEC, 'utf8').split('\n')) {
    const match = /^\s*\|\s*(\d{3}) ([^|]+?)\s*\|\s*(.+?)\s*\|\s*$/.exec(line)
    if (match) rows.push({ status: Number(match[1]), title: String(match[2]), description: String(match[3]) })
  }
  return rows
}

describe('documented table', () => {
  it('matches the seed row for row: status, title and description', () => {
    expect(
      DOCUMENTED_STATUSES.map(({ status, title, description }) => ({ status, title, description })),
    ).toEqual(seedRows())
  })

  it.skipIf(!existsSync(SHARED_SEED))(
    'keeps spec/status-codes.rst identical to the shared seed (skipped without ../shared)',
    () => {
      expect(readFileSync(SPEC, 'utf8')).toBe(readFileSync(SHARED_SEED, 'utf8'))
    },
  )

  it('has the 18 documented codes', () => {
    expect(DOCUMENTED_STATUSES.map((row) => row.status)).toEqual([
      200, 201, 202, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504,
    ])
  })

  it('marks 2xx rows normal and 4xx/5xx rows abnormal', () => {
    const catalog = createCatalog()
    expect(catalog.get(204)?.kind).toBe('normal')
    expect(catalog.get(400)?.kind).toBe('abnormal')
    expect(catalog.get(504)?.kind).toBe('abnormal')
  })
})

describe('createCatalog', () => {
  it('adds a status with its reason phrase as title', () => {
    const catalog = createCatalog({ 429: { description: 'Slow down.' } })
    expect(catalog.get(429)).toEqual({
      status: 429,
      title: 'Too Many Requests',
      description: 'Slow down.',
      kind: 'abnormal',
    })
    expect(catalog.entries().map((entry) => entry.status)).toContain(429)
  })

  it('rewords a documented status and keeps its title', () => {
    expect(createCatalog({ 404: { description: 'Nothing here.' } }).get(404)).toMatchObject({
      title: 'Not Found',
      description: 'Nothing here.',
    })
  })

  it('lists entries sorted by status', () => {
    const statuses = createCatalog({ 429: { description: 'x' }, 302: { title: 'Found', description: 'y' } })
      .entries()
      .map((entry) => entry.status)
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b))
  })

  it.each([
    ['a status below 100', { 99: { description: 'x' } }],
    ['a status above 599', { 600: { description: 'x' } }],
    ['an empty description', { 429: { description: '' } }],
    ['a blank description', { 429: { description: '   ' } }],
    ['a description with a line break', { 429: { description: 'a\nb' } }],
    ['an empty title', { 429: { title: '', description: 'x' } }],
    ['a definition that is not an object', { 429: 'Too many' }],
  ])('rejects %s at startup', (_name, definitions) => {
    expect(() => createCatalog(definitions as never)).toThrow(StatusErrorsConfigError)
  })
})
