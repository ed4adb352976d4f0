import { describe, expect, it } from 'vitest'
import { StatusErrorsConfigError } from '../errors.js'
import { createCatalog } from '../statuses/catalog.js'
import { toStatusDefinitions } from './definitions.js'
import { readStatusTable } from './read.js'
import { CATALOG_MD, SPEC_RST } from './test-pages.js'

describe('toStatusDefinitions', () => {
  it.each([
    ['the spec', SPEC_RST],
    ['the markdown fixture', CATALOG_MD],
  ])('gives the built-in catalog back from %s', (_name, text) => {
    const page = readStatusTable(text)
    expect(createCatalog(toStatusDefinitions(page)).entries()).toEqual(createCatalog().entries())
    expect(createCatalog(toStatusDefinitions(page.rows)).entries()).toEqual(createCatalog().entries())
  })

  it('keys each title and description by status', () => {
    const rows = [{ status: 429, title: 'Slow Down', description: 'Wait.', kind: 'abnormal' } as const]
    expect(toStatusDefinitions(rows)).toEqual({ 429: { title: 'Slow Down', description: 'Wait.' } })
    expect(createCatalog(toStatusDefinitions(rows)).get(429)).toEqual(rows[0])
  })

  it('refuses a status listed twice', () => {
    const row = { status: 404, title: 'Not Found', description: 'No.', kind: 'abnormal' } as const
    expect(() => toStatusDefinitions([row, row])).toThrow(StatusErrorsConfigError)
  })
})
