// Checks what users install: each package is packed, linted by publint and checked by
// @arethetypeswrong/cli against the tarball (not the working package.json).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const packages = ['core', 'express', 'koa', 'fastify']
const out = mkdtempSync(join(tmpdir(), 'status-errors-pack-'))
let failed = false
try {
  for (const name of packages) {
    const dir = join('packages', name)
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: 'ignore' })
    const tarball = join(
      out,
      readdirSync(out).find((file) => file.startsWith(`status-errors-${name}-`)) ?? '',
    )
    for (const [tool, args] of [
      ['publint', ['publint', tarball, '--strict']],
      ['attw', ['attw', tarball, '--profile', 'node16', '--format', 'table-flipped']],
    ]) {
      try {
        execFileSync('pnpm', ['exec', ...args], { stdio: 'pipe' })
        console.log(`ok   ${tool} @status-errors/${name}`)
      } catch (error) {
        failed = true
        console.log(`FAIL ${tool} @status-errors/${name}\n${error.stdout ?? ''}${error.stderr ?? ''}`)
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
