import { readFileSync } from 'node:fs'
import { createCatalog } from '@status-errors/core'
import { describe, expect, it } from 'vitest'
import { allCases } from '../test/conformance/cases/index.js'
import { tableRows } from './readme-sections.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The catalog as table rows: header, then one row per status. */
function catalogRows(): string[][] {
  const rows = createCatalog()
    .entries()
    .map(({ status, title, kind, description }) => [String(status), title, kind, description])
  return [['Status', 'Title', 'Kind', 'Description'], ...rows]
}

function between(start: string, end: string): string {
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from === -1 || to === -1) throw new Error(`README lacks the markers ${start} … ${end}`)
  return readme.slice(from + start.length, to).trim()
}

describe('README', () => {
  it('shows the status table exactly as the catalog has it', () => {
    expect(tableRows(between('<!-- status-table:start -->', '<!-- status-table:end -->'))).toEqual(
      catalogRows(),
    )
  })

  it('backs every guarantee with a conformance case that exists', () => {
    const names = new Set(allCases.map((c) => c.name))
    const cited = [
      ...between('<!-- guarantees:start -->', '<!-- guarantees:end -->').matchAll(/case "([^"]+)"/g),
    ].map((match) => match[1])
    expect(cited.length).toBeGreaterThan(10)
    for (const name of cited) expect(names, `README cites a missing case: ${name}`).toContain(name)
  })

  it('carries the two commands for a fresh machine', () => {
    expect(readme).toContain('npm install -g pnpm@10.34.9 && pnpm install --frozen-lockfile && pnpm demo')
    expect(readme).toContain('npm install -g pnpm@10.34.9 && pnpm install --frozen-lockfile && pnpm test:all')
  })
})
