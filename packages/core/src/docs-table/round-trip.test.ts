import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCatalog } from '../statuses/catalog.js'
import { DocsTableError } from './docs-table-error.js'
import { readStatusTable } from './read.js'
import { renderStatusTable } from './render.js'
import { kindOf, SECTIONS, type StatusTableFormat, type StatusTableRow } from './rows.js'
import { CATALOG_MD, SPEC_PREAMBLE, SPEC_RST } from './test-pages.js'

const FORMATS: StatusTableFormat[] = ['rst', 'md']

describe('renderStatusTable', () => {
  it('writes the default catalog as the spec, from its title to its end', () => {
    const body = SPEC_RST.slice(SPEC_RST.indexOf('Status Codes\n'))
    expect(renderStatusTable(createCatalog().entries(), { format: 'rst' })).toBe(body)
  })

  it('writes the whole spec byte for byte with its preamble', () => {
    expect(renderStatusTable(createCatalog().entries(), { format: 'rst', preamble: SPEC_PREAMBLE })).toBe(
      SPEC_RST,
    )
  })

  it('writes the default catalog as the markdown fixture', () => {
    expect(renderStatusTable(createCatalog().entries(), { format: 'md' })).toBe(CATALOG_MD)
  })
})

describe('round trip', () => {
  it.each([
    ['the spec', SPEC_RST],
    ['the markdown fixture', CATALOG_MD],
  ])('gives %s back byte for byte', (_name, text) => {
    const page = readStatusTable(text)
    expect(renderStatusTable(page.rows, page)).toBe(text)
  })

  /** Cell text with what could confuse a reader: pipes, pluses, backslashes, wide characters. */
  const cellText = fc
    .array(
      fc.constantFrom('a', 'Z', '9', ' ', ' ', '|', '+', '-', '=', '\\', '#', '*', '`', 'é', '日', '😀'),
      {
        minLength: 1,
        maxLength: 40,
      },
    )
    .map((chars) => chars.join('').trim())
    .filter((text) => text !== '')

  const rows = fc
    .uniqueArray(
      fc.record({ status: fc.integer({ min: 100, max: 599 }), title: cellText, description: cellText }),
      {
        minLength: 1,
        maxLength: 15,
        selector: (row) => row.status,
      },
    )
    .map((list) => list.map((row): StatusTableRow => ({ ...row, kind: kindOf(row.status) })))

  const preamble = fc.constantFrom(
    '',
    SPEC_PREAMBLE,
    '---\ntitle: Status codes\n---\n\n',
    '| not | a table |\n+---+\n\n',
    'Status Codes\n\n',
  )

  it.each(FORMATS)('reads back what it writes in %s, and writes it again identically', (format) => {
    fc.assert(
      fc.property(rows, preamble, (generated, before) => {
        const text = renderStatusTable(generated, { format, preamble: before })
        const page = readStatusTable(text)
        // Rows come back grouped by section, in their order within it.
        const grouped = SECTIONS.flatMap(({ kind }) => generated.filter((row) => row.kind === kind))
        expect(page).toEqual({ format, preamble: before, rows: grouped })
        expect(renderStatusTable(page.rows, page)).toBe(text)
      }),
    )
  })
})

describe('any page', () => {
  /** The page with one character inserted, deleted or replaced, at a position taken modulo its length. */
  const mutation = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('insert', 'delete', 'replace'),
    char: fc.constantFrom(' ', '|', '+', '-', '=', '\n', '\\', '#', ':', '0', 'x', '\t', 'é', '😀'),
  })

  function mutate(text: string, { at, op, char }: { at: number; op: string; char: string }): string {
    const index = at % text.length
    const rest = text.slice(index + (op === 'insert' ? 0 : 1))
    return text.slice(0, index) + (op === 'delete' ? '' : char) + rest
  }

  it.each([
    ['the spec', SPEC_RST],
    ['the markdown fixture', CATALOG_MD],
  ])('is rejected at a position in the page, or given back byte for byte (%s, mutated)', (_name, text) => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const mutated = mutations.reduce(mutate, text)
        let page: ReturnType<typeof readStatusTable>
        try {
          page = readStatusTable(mutated)
        } catch (error) {
          if (!(error instanceof DocsTableError)) throw error
          // The position is in the page: an editor can jump to it.
          const line = mutated.split('\n')[error.line - 1]
          expect(line).toBeDefined()
          expect(error.column).toBeGreaterThanOrEqual(1)
          expect(error.column).toBeLessThanOrEqual(Array.from(line ?? '').length + 1)
          return
        }
        expect(renderStatusTable(page.rows, page)).toBe(mutated)
      }),
      { numRuns: 300 },
    )
  })
})

describe('a page of 1 MB', () => {
  const long = (status: number, size: number) =>
    `Status ${status}: ${'the text of a long row '.repeat(size)}end.`
  const everyStatus = Array.from({ length: 500 }, (_, index) => 100 + index)

  it.each([
    ['rst', 45],
    ['md', 90],
  ] as const)('reads 500 long rows in %s', (format, size) => {
    const generated = everyStatus.map(
      (status): StatusTableRow => ({
        status,
        title: 'Row',
        description: long(status, size),
        kind: kindOf(status),
      }),
    )
    const text = renderStatusTable(generated, { format })
    expect(text.length).toBeGreaterThan(1_000_000)
    expect(readStatusTable(text).rows).toEqual(generated)
  })

  it('reads the spec below 1 MB of junk lines', () => {
    const junk = '+--+ | - Normal | === | Status Code | 404 Not Found | \\ `x` # ## '.repeat(2).concat('\n')
    const preamble = junk.repeat(Math.ceil(1_000_000 / junk.length))
    const page = readStatusTable(preamble + SPEC_RST.slice(SPEC_PREAMBLE.length))
    expect(page.preamble).toBe(preamble)
    expect(page.rows).toEqual(createCatalog().entries())
  })
})
