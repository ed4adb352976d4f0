/**
 * `pnpm bench:functions A B`: where two callgrind dumps kept by `pnpm bench:instructions --keep`
 * differ, function by function: the instructions each function executed itself (not those of
 * the functions it called), per request, for A, B and B − A, largest differences first.
 * Compiled JavaScript is named from V8's perf map kept beside the dump; Node's and V8's own
 * functions (builtins, the runtime, the garbage collector) are named by callgrind. Typically A
 * is a window of the floor's process and B the same window of status-errors'.
 */
import { execFile } from 'node:child_process'
import { basename } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { orExit, positiveInteger } from '../cli.js'
import { table } from '../report.js'
import { keptPerfMap } from './callgrind.js'
import { readPerfMap } from './perf-map.js'
import { functionCosts } from './self-costs.js'

const run = promisify(execFile)

const { values, positionals } = parseArgs({
  options: {
    // The requests of one window, as `pnpm bench:instructions --requests` (1,500 by default).
    requests: { type: 'string', default: '1500' },
    top: { type: 'string', default: '40' },
  },
  allowPositionals: true,
  strict: true,
})

const [dumpA, dumpB] = positionals
if (dumpA === undefined || dumpB === undefined || positionals.length !== 2) {
  fail('usage: pnpm bench:functions [--requests N] [--top N] <dump A> <dump B>')
}
const requests = orExit(() => positiveInteger(values.requests, 'requests'))
const top = orExit(() => positiveInteger(values.top, 'top'))

const [a, b] = await Promise.all([selfCosts(dumpA), selfCosts(dumpB)])
const perRequest = (count: number) => Math.round(count / requests)
const rows = [...new Set([...a.keys(), ...b.keys()])]
  .map((name) => ({ name, a: a.get(name) ?? 0, b: b.get(name) ?? 0 }))
  .sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a))
  .slice(0, top)
const total = (costs: ReadonlyMap<string, number>) => [...costs.values()].reduce((sum, n) => sum + n, 0)

console.log(
  `Instructions per request, executed by each function itself (${requests} requests per window)\n` +
    `A: ${dumpA} (${perRequest(total(a))} in all)\nB: ${dumpB} (${perRequest(total(b))} in all)\n\n` +
    table(
      ['A', 'B', 'B − A', 'function'],
      rows.map((row) => [
        String(perRequest(row.a)),
        String(perRequest(row.b)),
        signed(perRequest(row.b - row.a)),
        row.name,
      ]),
    ),
)

/** Each function's own instructions in a dump, compiled JavaScript named from the process's kept perf map. */
async function selfCosts(dump: string): Promise<Map<string, number>> {
  const outFile = dump.replace(/\.\d+$/, '')
  const code = await readPerfMap(keptPerfMap(outFile)).catch(() =>
    fail(`${dump}: no ${basename(keptPerfMap(outFile))} beside it (run bench:instructions with --keep)`),
  )
  // `--auto=no`: no source annotation after the table, whose lines would read as functions.
  const { stdout } = await run(
    'callgrind_annotate',
    ['--inclusive=no', '--threshold=100', '--auto=no', dump],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const costs = functionCosts(stdout, code)
  if (costs.size === 0) fail(`${dump}: callgrind_annotate gave no table of functions`)
  return costs
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value)
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}
