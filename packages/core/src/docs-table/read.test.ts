import { describe, expect, it } from 'vitest'
import { createCatalog } from '../statuses/catalog.js'
import { DOCUMENTED_STATUSES } from '../statuses/documented.js'
import { detectFormat } from './page.js'
import { readStatusTable } from './read.js'
import { CATALOG_MD, SPEC_PREAMBLE, SPEC_RST } from './test-pages.js'

/** The built-in table with each row's kind, as the page must give it. */
const documented = DOCUMENTED_STATUSES.map(({ status, title, description }) => ({
  status,
  title,
  description,
  kind: createCatalog().get(status)?.kind,
}))

describe('readStatusTable', () => {
  it('reads the spec into the documented rows, with the kind of their section', () => {
    const page = readStatusTable(SPEC_RST, { format: 'rst' })
    expect(page.rows).toEqual(documented)
    expect(page.rows).toEqual(createCatalog().entries())
  })

  it('keeps the text above the title as the preamble', () => {
    const page = readStatusTable(SPEC_RST)
    expect(page.preamble).toBe(SPEC_PREAMBLE)
    expect(page.preamble).toBe(
      ':original_name: en-us_topic_0134484533.html\n\n.. _en-us_topic_0134484533:\n\n',
    )
  })

  it('reads a page without a preamble', () => {
    expect(readStatusTable(SPEC_RST.slice(SPEC_PREAMBLE.length)).preamble).toBe('')
  })

  it('reads the markdown page into the same rows', () => {
    const page = readStatusTable(CATALOG_MD, { format: 'md' })
    expect(page).toEqual({ format: 'md', preamble: '', rows: documented })
  })

  it('reads escaped pipes and backslashes in markdown cells', () => {
    const page = [
      '# Status Codes',
      '',
      '## Abnormal',
      '',
      '| Status Code | Description        |',
      '| ----------- | ------------------ |',
      '| 400 A\\|B    | Use \\\\ or \\| here. |',
      '',
    ].join('\n')
    expect(readStatusTable(page).rows).toEqual([
      { status: 400, title: 'A|B', description: 'Use \\ or | here.', kind: 'abnormal' },
    ])
  })

  it('reads a page with one section only', () => {
    const page = [
      'Status Codes',
      '============',
      '',
      '-  Abnormal',
      '',
      '   +---------------+-------------+',
      '   | Status Code   | Description |',
      '   +===============+=============+',
      '   | 429 Slow Down | Wait.       |',
      '   +---------------+-------------+',
      '',
    ].join('\n')
    expect(readStatusTable(page).rows).toEqual([
      { status: 429, title: 'Slow Down', description: 'Wait.', kind: 'abnormal' },
    ])
  })
})

describe('detectFormat', () => {
  it.each([
    ['the rst title', SPEC_RST, 'rst'],
    ['the markdown title', CATALOG_MD, 'md'],
    ['the first title when both appear', `# Status Codes\n\n${SPEC_RST}`, 'md'],
    ['a grid table without title', '   +---+---+\n', 'rst'],
    ['a pipe table without title', '| a | b |\n', 'md'],
    ['nothing', 'Just prose.\n', undefined],
  ])('detects %s', (_name, text, format) => {
    expect(detectFormat(text)).toBe(format)
  })
})
