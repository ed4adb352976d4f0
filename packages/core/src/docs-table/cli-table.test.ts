import { describe, expect, it } from 'vitest'
import { createCatalog } from '../statuses/catalog.js'
import { runTableCommand, TABLE_USAGE } from './cli-table.js'
import { CATALOG_MD, SPEC_PREAMBLE, SPEC_RST } from './test-pages.js'

const BROKEN = SPEC_RST.replace('| 200 OK         |', '| 200 OK        |')

const FILES: Record<string, string> = {
  'spec/status-codes.rst': SPEC_RST,
  'docs/status.md': CATALOG_MD,
  'docs/STATUS.MARKDOWN': CATALOG_MD,
  'docs/status.txt': SPEC_RST,
  'docs/broken.rst': BROKEN,
  'docs/prose.md': 'No table here.\n',
}

/** Runs the command against FILES, collecting what it prints. */
function run(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = runTableCommand(args, {
    readFile: (path) => {
      const text = FILES[path]
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`)
      return text
    },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  })
  return { code, stdout: out.join(''), stderr: err.join('') }
}

const SPEC_BODY = SPEC_RST.slice(SPEC_PREAMBLE.length)
const CATALOG_JSON = `${JSON.stringify(createCatalog().entries(), null, 2)}\n`

describe('table', () => {
  it.each<[string, string[], string]>([
    ['the catalog as the spec body', ['--format', 'rst'], SPEC_BODY],
    ['the catalog as markdown', ['--format', 'md'], CATALOG_MD],
    ['the catalog as json', ['--format', 'json'], CATALOG_JSON],
    ['with the command name first and --format=', ['table', '--format=md'], CATALOG_MD],
    [
      'a page in its own format, preamble kept',
      ['--from', 'spec/status-codes.rst', '--format', 'rst'],
      SPEC_RST,
    ],
    [
      'an rst page as markdown, preamble dropped',
      ['--format', 'md', '--from', 'spec/status-codes.rst'],
      CATALOG_MD,
    ],
    ['a markdown page as rst', ['--from', 'docs/status.md', '--format', 'rst'], SPEC_BODY],
    ['a .markdown page as json', ['--from', 'docs/STATUS.MARKDOWN', '--format', 'json'], CATALOG_JSON],
    ['a page of unknown extension, by content', ['--from', 'docs/status.txt', '--format', 'rst'], SPEC_RST],
  ])('prints %s', (_name, args, expected) => {
    expect(run(...args)).toEqual({ code: 0, stdout: expected, stderr: '' })
  })

  it('prints json rows with status, title, description and kind', () => {
    const rows = JSON.parse(run('--format', 'json').stdout) as unknown[]
    expect(rows[0]).toEqual({
      status: 200,
      title: 'OK',
      description: 'The results of GET and PUT operations are returned as expected.',
      kind: 'normal',
    })
  })

  it.each([['--help'], ['-h'], ['--format', 'html', '--help']])('prints usage for %s', (...args) => {
    expect(run(...args)).toEqual({ code: 0, stdout: TABLE_USAGE, stderr: '' })
  })

  it.each<[string, string[], string]>([
    ['no --format', [], '--format is required'],
    ['an unknown format', ['--format', 'html'], '--format must be rst, md or json, not "html"'],
    ['an unknown option', ['--format', 'rst', '--frm', 'x.rst'], "Unknown option '--frm'"],
    ['a stray argument', ['--format', 'rst', 'extra'], 'unexpected argument "extra"'],
    ['--from without a file', ['--format', 'rst', '--from'], "Option '--from <value>' argument missing"],
  ])('exits 2 for %s', (_name, args, fragment) => {
    const { code, stdout, stderr } = run(...args)
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' })
    expect(stderr).toContain(fragment)
    expect(stderr).toContain('table --help')
  })

  it.each<[string, string, string]>([
    ['a malformed page', 'docs/broken.rst', 'docs/broken.rst:13:21: misaligned grid'],
    ['a page without table', 'docs/prose.md', 'docs/prose.md:1:1: no status table'],
    ['a missing file', 'docs/missing.rst', 'table: cannot read docs/missing.rst: ENOENT'],
  ])('exits 1 (2 for an unreadable file) for %s', (name, path, fragment) => {
    const { code, stdout, stderr } = run('--format', 'json', '--from', path)
    expect({ code, stdout }).toEqual({ code: name === 'a missing file' ? 2 : 1, stdout: '' })
    expect(stderr.startsWith(fragment)).toBe(true)
    expect(stderr.endsWith('\n')).toBe(true)
  })
})
