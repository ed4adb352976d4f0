import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
// test/conformance depends on every workspace package, so bare specifiers resolve from there
// through the packages' `exports` to their built files, as they do for users.
const consumer = fileURLToPath(new URL('../conformance', import.meta.url))

/** What applications use, the same from every adapter. */
const USER_FACING = [
  'HttpError',
  'httpError',
  'isHttpError',
  'StatusErrorsConfigError',
  'unauthorized',
  'proxyAuthenticationRequired',
  'forbidden',
  'notImplemented',
] as const

const PACKAGES = {
  '@status-errors/core': [...USER_FACING, 'DOCUMENTED_STATUSES', 'createCatalog', 'PARSE_ERROR_DETAIL'],
  '@status-errors/core/adapter': ['createStatusErrors', 'createLifecycle', 'writeErrorHeaders'],
  '@status-errors/express': [...USER_FACING, 'statusErrors', 'accepted'],
  '@status-errors/koa': [...USER_FACING, 'statusErrors', 'accepted'],
  '@status-errors/fastify': [...USER_FACING, 'statusErrors', 'accepted', 'frameworkErrors'],
} as const

function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' }).trim()
}

beforeAll(() => {
  const built = Object.keys(PACKAGES).every((name) =>
    existsSync(`${root}/packages/${name.split('/')[1]}/dist/index.cjs`),
  )
  if (!built) execFileSync('pnpm', ['build'], { cwd: root, stdio: 'ignore' })
}, 120_000)

describe.each(Object.entries(PACKAGES))('%s as built', (name, exportsExpected) => {
  it('loads with require', () => {
    const keys = runNode(['-e', `console.log(Object.keys(require(${JSON.stringify(name)})).join(','))`])
    expect(keys.split(',')).toEqual(expect.arrayContaining([...exportsExpected]))
  })

  it.skipIf(name.endsWith('/adapter'))('keeps the engine behind @status-errors/core/adapter', () => {
    const keys = runNode(['-e', `console.log(Object.keys(require(${JSON.stringify(name)})).join(','))`])
    expect(keys.split(',')).not.toContain('createStatusErrors')
    expect(keys.split(',')).not.toContain('createLifecycle')
  })

  it('loads with import', () => {
    const keys = runNode([
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(name)}); console.log(Object.keys(m).join(','))`,
    ])
    expect(keys.split(',')).toEqual(expect.arrayContaining([...exportsExpected]))
    expect(keys.split(',')).not.toContain('default')
  })
})

describe('dual package', () => {
  it('recognises an HttpError of the CommonJS build in the ESM build', () => {
    const answer = runNode([
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module'
       const { httpError } = createRequire(process.cwd() + '/')('@status-errors/core')
       const { isHttpError } = await import('@status-errors/core')
       const { createStatusErrors } = await import('@status-errors/core/adapter')
       const handled = createStatusErrors().respondToError(httpError(409, 'x'), { method: 'GET', path: '/', accept: undefined })
       console.log(isHttpError(httpError(409)), handled.status)`,
    ])
    expect(answer).toBe('true 409')
  })

  it.each(['require', 'import'])(
    'throws configuration errors that are instances of the class the adapters export (%s)',
    (loader) => {
      const load =
        loader === 'require'
          ? `const adapter = require('@status-errors/express')`
          : `const adapter = await import('@status-errors/express')`
      const answer = runNode([
        ...(loader === 'import' ? ['--input-type=module'] : []),
        '-e',
        `${load}
         try { adapter.statusErrors({ bogus: true }) } catch (error) {
           console.log(error instanceof adapter.StatusErrorsConfigError, error.code)
         }`,
      ])
      expect(answer).toBe('true ERR_STATUS_ERRORS_INVALID_OPTION')
    },
  )
})

describe('publishing', () => {
  it.each(['core', 'express', 'koa', 'fastify'])('refuses a plain npm pack of %s, naming pnpm', (name) => {
    const result = spawnSync('npm', ['pack', '--dry-run'], {
      cwd: `${root}/packages/${name}`,
      encoding: 'utf8',
      env: { ...process.env, npm_config_user_agent: '' },
    })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('pack and publish with pnpm')
  })

  it.each(['core', 'express', 'koa', 'fastify'])('ships a LICENSE and a README with %s', (name) => {
    const files: unknown = JSON.parse(
      execFileSync(
        process.execPath,
        ['-p', `JSON.stringify(require('./packages/${name}/package.json').files)`],
        {
          cwd: root,
          encoding: 'utf8',
        },
      ),
    )
    expect(files).toEqual(
      name === 'core' ? ['dist', 'bin', 'README.md', 'LICENSE'] : ['dist', 'README.md', 'LICENSE'],
    )
    expect(existsSync(`${root}/packages/${name}/LICENSE`)).toBe(true)
    expect(existsSync(`${root}/packages/${name}/README.md`)).toBe(true)
  })
})

describe('the status-errors command, as built', () => {
  it('checks the spec page against the built-in table (exit 0) and fails on a bad command (exit 2)', () => {
    const bin = `${root}/packages/core/bin/status-errors.js`
    const check = spawnSync(process.execPath, [bin, 'check', '--page', 'spec/status-codes.rst'], {
      cwd: root,
    })
    expect(check.status).toBe(0)
    const bad = spawnSync(process.execPath, [bin, 'frobnicate'], { cwd: root, encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('unknown command')
  })
})
