import { describe, expect, it } from 'vitest'
import { StatusErrorsConfigError } from '../errors.js'
import { createCatalog } from '../statuses/catalog.js'
import { renderStatusTable } from './render.js'
import type { StatusTableFormat, StatusTableRow } from './rows.js'

const ok: StatusTableRow = { status: 200, title: 'OK', description: 'It worked.', kind: 'normal' }

describe('renderStatusTable', () => {
  it.each<[string, StatusTableRow[], string, string]>([
    ['no rows', [], '', 'there are no rows'],
    ['a status above 599', [{ ...ok, status: 600, kind: 'abnormal' }], '', 'outside 100-599'],
    ['a fractional status', [{ ...ok, status: 200.5 }], '', 'outside 100-599'],
    ['a status twice', [ok, ok], '', 'listed twice'],
    ['a kind against the class', [{ ...ok, kind: 'abnormal' }], '', 'its class makes it "normal"'],
    ['an empty title', [{ ...ok, title: ' ' }], '', 'empty title'],
    ['spaces around a description', [{ ...ok, description: ' It worked. ' }], '', 'spaces around'],
    ['a line break in a description', [{ ...ok, description: 'It\nworked.' }], '', 'control character'],
    ['a preamble without its last newline', [ok], '.. _label:', 'end with a newline'],
    ['a preamble with a carriage return', [ok], '.. _label:\r\n', 'carriage return'],
  ])('refuses %s', (_name, rows, preamble, fragment) => {
    for (const format of ['rst', 'md'] as const) {
      const render = () => renderStatusTable(rows, { format, preamble })
      expect(render).toThrow(StatusErrorsConfigError)
      expect(render).toThrow(fragment)
    }
  })

  it.each([
    ['rst', 'Status Codes\n============\n\n'],
    ['md', '# Status Codes\n\n'],
  ] as const)('refuses a %s preamble with its own title', (format, preamble) => {
    expect(() => renderStatusTable([ok], { format, preamble })).toThrow(
      'must not contain the "Status Codes" title',
    )
  })

  it('refuses an unknown format', () => {
    const format = 'html' as StatusTableFormat
    expect(() => renderStatusTable([ok], { format })).toThrow('format must be "rst" or "md"')
  })

  it('leaves out a section without rows', () => {
    const page = renderStatusTable([ok], { format: 'md' })
    expect(page).toBe(
      '# Status Codes\n\n## Normal\n\n| Status Code | Description |\n| ----------- | ----------- |\n' +
        '| 200 OK      | It worked.  |\n',
    )
  })

  it('escapes pipes and backslashes in markdown cells, and only there', () => {
    const row = { ...ok, description: 'a|b\\c' }
    expect(renderStatusTable([row], { format: 'md' })).toContain('| a\\|b\\\\c     |')
    expect(renderStatusTable([row], { format: 'rst' })).toContain('| a|b\\c       |')
  })

  it('takes the catalog entries as they are', () => {
    const entries = createCatalog({ 429: { description: 'Slow down.' } }).entries()
    expect(renderStatusTable(entries, { format: 'rst' })).toContain(
      '| 429 Too Many Requests             | Slow down.',
    )
  })
})
