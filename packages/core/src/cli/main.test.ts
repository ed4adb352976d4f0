import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CommandIo } from './io.js'
import { runCli } from './main.js'

const SPEC = readFileSync(new URL('../../../../spec/status-codes.rst', import.meta.url), 'utf8')

const BASE = {
  openapi: '3.1.0',
  info: { title: 'x', version: '1' },
  paths: {
    '/users': { get: { responses: { 200: { description: 'ok' } } } },
    '/gone': { get: { responses: { 200: { description: 'old' } } } },
  },
}
const LIVE = {
  openapi: '3.1.0',
  info: { title: 'x', version: '1' },
  paths: {
    '/users': { get: { responses: { 200: { description: 'ok' } } }, post: { responses: {} } },
  },
}

/** Runs the CLI on in-memory files; returns the exit status and what it printed. */
function run(args: string[], files: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CommandIo = {
    readFile: (path) => {
      const text = files[path]
      if (text === undefined) throw new Error(`ENOENT: ${path}`)
      return text
    },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  }
  const status = runCli(args, io)
  return { status, stdout: out.join(''), stderr: err.join('') }
}

describe('status-errors', () => {
  it('prints its help with --help, and its usage on stderr with exit 2 without a command', () => {
    expect(run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Commands:') })
    expect(run([])).toMatchObject({ status: 2, stderr: expect.stringContaining('Usage:') })
    expect(run(['frobnicate'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('unknown command'),
    })
  })

  it.each(['table', 'openapi', 'check'])('%s --help prints its options', (command) => {
    expect(run([command, '--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage:') })
  })

  it('table prints the built-in table as the spec page', () => {
    const { status, stdout } = run(['table', '--format', 'rst'])
    expect(status).toBe(0)
    expect(SPEC.endsWith(stdout)).toBe(true)
  })

  it('openapi prints the components, and completes a given document', () => {
    const alone = JSON.parse(run(['openapi']).stdout)
    expect(Object.keys(alone.components.responses)).toContain('StatusErrors404')
    const completed = JSON.parse(
      run(['openapi', '--base', 'base.json'], { 'base.json': JSON.stringify(BASE) }).stdout,
    )
    expect(completed.paths['/users'].get.responses['500']).toEqual({
      $ref: '#/components/responses/StatusErrors500',
    })
  })

  it('check exits 0 when the page equals the running catalog', () => {
    expect(run(['check', '--page', 'status-codes.rst'], { 'status-codes.rst': SPEC })).toMatchObject({
      status: 0,
    })
  })

  it('check exits 1 when the page words a status differently, lists one too many or lacks one', () => {
    const reworded = SPEC.replace('Gateway times out.         ', 'The gateway timed out.     ')
    const result = run(['check', '--page', 'status-codes.rst'], { 'status-codes.rst': reworded })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('page words 504 differently')
    const withTeapot = run(['check', '--page', 'p.rst', '--options', 'o.json'], {
      'p.rst': SPEC,
      'o.json': JSON.stringify({ statuses: { 429: { description: 'Slow down.' } } }),
    })
    expect(withTeapot).toMatchObject({ status: 1, stdout: expect.stringContaining('page lacks 429') })
  })

  it('check exits 1 on each kind of OpenAPI drift', () => {
    const teapot = structuredClone(BASE) as { paths: Record<string, { get: { responses: object } }> }
    teapot.paths['/users'] = {
      get: { responses: { 200: { description: 'ok' }, 418: { description: 'tea' } } },
    }
    const files = { 'base.json': JSON.stringify(teapot), 'live.json': JSON.stringify(LIVE) }
    const result = run(['check', '--base', 'base.json', '--live', 'live.json'], files)
    expect(result.status).toBe(1)
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'documented but not routed: GET /gone',
      'routed but not documented: POST /users',
      'status not in the table: GET /users 418',
    ])
  })

  it('check exits 0 when the live document matches the base', () => {
    const files = { 'base.json': JSON.stringify(LIVE), 'live.json': JSON.stringify(LIVE) }
    expect(run(['check', '--base', 'base.json', '--live', 'live.json'], files).status).toBe(0)
  })

  it('reports a malformed page with its line and column on stderr, exit 1', () => {
    const broken = SPEC.replace('| 404 Not Found ', '| 4O4 Not Found ')
    const result = run(['check', '--page', 'p.rst'], { 'p.rst': broken })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/line \d+, column \d+/)
  })

  it('exits 2 for bad arguments and unreadable files', () => {
    expect(run(['check'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--page') })
    expect(run(['check', '--base', 'a.json'])).toMatchObject({ status: 2 })
    expect(run(['check', '--page', 'missing.rst'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('ENOENT'),
    })
    expect(run(['openapi', '--bogus'])).toMatchObject({ status: 2 })
  })
})
