/**
 * Summarises a `.cpuprofile` written by `pnpm bench --cpu-prof DIR`: where the server's busy time
 * went (status-errors, the app's own handlers, the framework, Node, the garbage collector), the
 * functions with the most self time, and the inclusive time of status-errors' own functions
 * (packages/*). Shares are of the busy samples: a server idles while the others are measured.
 *
 *   tsx bench/profile-summary.ts DIR/not-found/express-status-errors-1 [rows]
 *
 * Given a server's folder, it reads the main thread's profile (thread 0), not tsx's loader thread.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}

interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
  readonly hitCount?: number
  readonly children?: readonly number[]
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
}

const [target, rowsText = '25'] = process.argv.slice(2)
if (target === undefined) throw new Error('usage: tsx bench/profile-summary.ts DIR|FILE.cpuprofile [rows]')
const rows = Number(rowsText)
const file = (await stat(target)).isDirectory() ? await mainThreadProfile(target) : target
const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const IDLE = '(idle)'
const busyHits = profile.nodes
  .filter((node) => node.callFrame.functionName !== IDLE)
  .reduce((sum, node) => sum + (node.hitCount ?? 0), 0)

/** Who a function belongs to, by where it was loaded from. */
function partOf({ functionName, url }: CallFrame): string {
  if (functionName === '(garbage collector)') return 'garbage collector'
  if (/\/packages\/[^/]+\/dist\//.test(url)) return 'status-errors'
  if (url.includes('/bench/servers/')) return "the app's handlers"
  if (url.includes('/node_modules/')) return 'framework (node_modules)'
  if (url.startsWith('node:') || url === '') return 'Node and V8'
  return 'other'
}

/** `name file:line`, with paths cut to the package or to packages/… */
function label({ functionName, url, lineNumber }: CallFrame): string {
  const path = url
    .replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^.*\/(packages\/)/, '$1')
  return `${functionName || '(anonymous)'} ${path}:${lineNumber + 1}`
}

const self = new Map<string, number>()
const inclusive = new Map<string, number>()
const parts = new Map<string, number>()

/** Inclusive hits of a subtree; a function is counted once per stack even when it recurses. */
function walk(node: ProfileNode, onStack: ReadonlySet<string>): number {
  const name = label(node.callFrame)
  let hits = node.hitCount ?? 0
  self.set(name, (self.get(name) ?? 0) + hits)
  if (node.callFrame.functionName !== IDLE) {
    const part = partOf(node.callFrame)
    parts.set(part, (parts.get(part) ?? 0) + hits)
  }
  const stack = new Set(onStack).add(name)
  for (const child of node.children ?? []) {
    const childNode = byId.get(child)
    if (childNode !== undefined) hits += walk(childNode, stack)
  }
  if (!onStack.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + hits)
  return hits
}

const root = profile.nodes[0]
if (root !== undefined) walk(root, new Set())
const percent = (hits: number): string => `${((100 * hits) / busyHits).toFixed(1).padStart(5)} %`
const top = (map: ReadonlyMap<string, number>, keep: (name: string) => boolean) =>
  [...map]
    .filter(([name]) => keep(name))
    .sort((x, y) => y[1] - x[1])
    .slice(0, rows)

console.log(`${file}: ${busyHits} busy samples\n\nbusy time by part (self time)`)
for (const [part, hits] of [...parts].sort((x, y) => y[1] - x[1])) console.log(`${percent(hits)}  ${part}`)
console.log('\nself time')
for (const [name, hits] of top(self, (name) => !name.startsWith(IDLE)))
  console.log(`${percent(hits)}  ${name}`)
console.log('\ninclusive time, status-errors code')
for (const [name, hits] of top(inclusive, (name) => name.includes('packages/')))
  console.log(`${percent(hits)}  ${name}`)

async function mainThreadProfile(dir: string): Promise<string> {
  const main = (await readdir(dir)).find((name) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(name))
  if (main === undefined) throw new Error(`${dir}: no main-thread profile (CPU.….0.….cpuprofile)`)
  return join(dir, main)
}
