import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGES_DIR = fileURLToPath(new URL('../packages', import.meta.url))

/**
 * The benchmark measures the built packages, as users run them (tsx would otherwise compile the
 * sources its own way, with a `__name` call for every closure). Returns why it cannot, or
 * `undefined`: a package that was never built, or whose sources changed after its build.
 */
export function unbuiltPackages(): string | undefined {
  for (const name of readdirSync(PACKAGES_DIR)) {
    const built = join(PACKAGES_DIR, name, 'dist', 'index.js')
    let builtAt: number
    try {
      builtAt = statSync(built).mtimeMs
    } catch {
      return `packages/${name} is not built: run \`pnpm build\` first`
    }
    if (newestFile(join(PACKAGES_DIR, name, 'src')) > builtAt) {
      return `packages/${name}/src changed after its build: run \`pnpm build\` first`
    }
  }
  return undefined
}

function newestFile(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
    }
  }
  return newest
}
