/**
 * `pnpm bench:instructions`: the instructions a server executes per request, counted by valgrind's
 * callgrind, for the comparisons of `pnpm bench`. Throughput on a shared machine wanders by several
 * percent between two processes of the same app; an instruction count is another view of the same
 * cost. It moves with the machine's load too (Node's garbage collector and compiler threads work by
 * time as well as by request), so it is run on a quiet machine. It counts work, not time: cache misses,
 * the kernel's share of a socket write and waiting are outside it, so it complements the
 * throughput figures and does not replace them. See bench/README.md.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { unbuiltPackages } from '../built-packages.js'
import { assertKnownTargets, listOf, orExit, positiveInteger } from '../cli.js'
import { sendAmount } from '../load.js'
import { describeMachine } from '../machine.js'
import { instructionTable } from '../report.js'
import { GROUP_NAMES, type Group, groupsFor, type Target } from '../scenarios.js'
import { startServerProcessPatiently } from '../server-process.js'
import { FRAMEWORKS, serverKey } from '../servers/spec.js'
import { describeSources } from '../sources.js'
import { median } from '../stats.js'
import { type CountedProcess, dumpInstructions, hasValgrind, keepPerfMap, zeroCounters } from './callgrind.js'
import { compareInstructions, comparisonsOf, type InstructionComparison, type SetCounts } from './compare.js'

/** Node starts in about 20 s under callgrind, slower while another one starts beside it. */
const PROCESS_TIMEOUT_MS = 180_000
/** Under callgrind the first requests wait while valgrind translates the code they run. */
const REQUEST_TIMEOUT_S = 120
/** Two processes at a time: one per core. Nothing else should run: see the header. */
const PARALLEL = 2

const { values } = parseArgs({
  options: {
    // `--pairs`, as in `pnpm bench`: here each "pair" is a fresh process for every target.
    pairs: { type: 'string', default: '3' },
    frameworks: { type: 'string' },
    groups: { type: 'string' },
    targets: { type: 'string' },
    // Requests, not seconds: under callgrind a second holds a few hundred times fewer of them.
    warmup: { type: 'string', default: '4000' },
    requests: { type: 'string', default: '1500' },
    windows: { type: 'string', default: '6' },
    connections: { type: 'string', default: '10' },
    // Keeps every dump, and V8's map of compiled JavaScript, for `pnpm bench:functions`.
    keep: { type: 'string' },
  },
  strict: true,
})

const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

const processSets = orExit(() => positiveInteger(values.pairs, 'pairs'))
const warmup = orExit(() => positiveInteger(values.warmup, 'warmup'))
const requests = orExit(() => positiveInteger(values.requests, 'requests'))
const windowCount = orExit(() => positiveInteger(values.windows, 'windows'))
const connections = orExit(() => positiveInteger(values.connections, 'connections'))
// autocannon refuses more connections than requests.
if (connections > Math.min(warmup, requests)) fail('--connections may not exceed --warmup or --requests')
const frameworks = orExit(() => listOf(values.frameworks, FRAMEWORKS, 'frameworks'))
const groupNames = orExit(() => listOf(values.groups, GROUP_NAMES, 'groups'))
const targetIds = values.targets?.split(',').map((id) => id.trim())
const keepDir = values.keep === undefined ? undefined : resolve(values.keep)
if (keepDir !== undefined) await mkdir(keepDir, { recursive: true })

const unbuilt = unbuiltPackages()
if (unbuilt !== undefined) fail(`status-errors bench: ${unbuilt}`)
if (!(await hasValgrind()))
  fail('status-errors bench: the instruction counts need valgrind (apt-get install valgrind)')

const groups = frameworks.flatMap((framework) =>
  groupsFor(framework).filter((group) => groupNames.some((name) => name === group.name)),
)
orExit(() => assertKnownTargets(groups, targetIds))

const machine = describeMachine()
const sources = await describeSources()
log(
  `status-errors instruction counts: ${processSets} fresh process sets; per process ${warmup} warm-up ` +
    `requests, then ${windowCount} × ${requests} counted; ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`,
)

const workDir = await mkdtemp(join(tmpdir(), 'status-errors-callgrind-'))
const results: InstructionComparison[] = []
try {
  for (const group of groups) {
    const counted = targetsToCount(group)
    if (counted.length === 0) continue
    const sets: SetCounts[] = []
    for (let set = 0; set < processSets; set++) {
      log(`${group.framework}/${group.name}: process set ${set + 1}/${processSets}`)
      sets.push(await countTargets(group, counted, set))
    }
    results.push(...compareInstructions(group, sets))
  }
} finally {
  await rm(workDir, { recursive: true, force: true })
}

console.log(
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}, ${machine.date}\n` +
    `Sources: commit ${sources.commit}, packages/*/src hash ${sources.packagesHash}\n\n` +
    `## Instructions per request (callgrind; ${processSets} fresh process sets; per process the median of the last ` +
    `${windowCount - Math.floor(windowCount / 2)} of ${windowCount} windows of ${requests} requests)\n\n` +
    instructionTable(results),
)

/** The targets of the group that a comparison needs, of those `--targets` names. */
function targetsToCount(group: Group): Target[] {
  const selected = (id: string) => targetIds === undefined || targetIds.includes(id)
  const needed = new Set(comparisonsOf(group, selected).flatMap((comparison) => [comparison.a, comparison.b]))
  return group.targets.filter((target) => needed.has(target.id))
}

/** Every target in a fresh process of its own, `PARALLEL` at a time. */
async function countTargets(group: Group, targets: readonly Target[], set: number): Promise<SetCounts> {
  const counts = new Map<string, number>()
  const waiting = [...targets]
  const worker = async () => {
    for (let target = waiting.shift(); target !== undefined; target = waiting.shift()) {
      counts.set(target.id, await countTarget(group, target, set))
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  return counts
}

async function countTarget(group: Group, target: Target, set: number): Promise<number> {
  const outFile = join(workDir, `${group.name}-${serverKey(target.server)}-${target.id}-${set + 1}.out`)
  const server = await startServerProcessPatiently(
    target.server,
    { callgrindOutFile: outFile, timeoutMs: PROCESS_TIMEOUT_MS, perfMap: keepDir !== undefined },
    log,
  )
  const counted: CountedProcess = { pid: server.pid, outFile, keepDir }
  const name = `${target.id} (${serverKey(target.server)})`
  try {
    await send(server.port, target, warmup, name)
    // Counted in windows, each from zeroed counters. The first windows after counting starts cost
    // up to three times the later ones, in every variant alike and whatever the warm-up's length:
    // a transient of counting itself, whose cause is not known. A later window now and then holds
    // a burst of collecting or compiling that costs up to twice the others. So the count is the
    // median of the later half of the windows; the log shows every window.
    const windows: number[] = []
    for (let dump = 1; dump <= windowCount; dump++) {
      await zeroCounters(counted)
      const responses = await send(server.port, target, requests, name)
      windows.push((await dumpInstructions(counted, dump)) / responses)
    }
    const perRequest = median(windows.slice(Math.floor(windowCount / 2)))
    log(
      `  ${name}: ${Math.round(perRequest)} instructions per request (windows ${windows.map(Math.round).join(' · ')})`,
    )
    return perRequest
  } finally {
    await server.stop()
    if (keepDir !== undefined) await keepPerfMap(counted, keepDir).catch(() => undefined)
  }
}

async function send(port: number, target: Target, amount: number, name: string): Promise<number> {
  const { responses, failures } = await sendAmount(port, target.request, {
    amount,
    connections,
    timeoutSeconds: REQUEST_TIMEOUT_S,
  })
  if (failures > 0) throw new Error(`${name}: ${failures} of ${responses} requests failed`)
  return responses
}

function fail(message: string): never {
  log(message)
  process.exit(1)
}
