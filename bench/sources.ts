import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Which code was measured: the commit, and a hash of packages/*\/src as they were (edits included). */
export interface Sources {
  readonly commit: string
  /** SHA-256 (first 12 hex digits) of every file under packages/*\/src, by path. */
  readonly packagesHash: string
}

export async function describeSources(): Promise<Sources> {
  const hash = createHash('sha256')
  const packages = join(REPO_ROOT, 'packages')
  for (const name of (await readdir(packages)).sort()) {
    const src = join(packages, name, 'src')
    const files = await readdir(src, { recursive: true, withFileTypes: true }).catch(() => [])
    const paths = files.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
    for (const path of paths.sort()) hash.update(path.slice(REPO_ROOT.length)).update(await readFile(path))
  }
  return { commit: gitCommit(), packagesHash: hash.digest('hex').slice(0, 12) }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}
