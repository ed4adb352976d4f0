/**
 * `pnpm bench:survey`: one fresh server process after another, each warmed up and then measured in
 * windows alternating with a long-running reference process of the same variant, with V8 telling
 * what its JIT does (`--trace-opt --trace-deopt`). It looks for a slow mode where one would live, in
 * single processes: each process's CPU time per response against the reference's at the same
 * moments, and the optimised code it throws away or gives up on while it serves requests. A process
 * whose ratio stands out from its variant's other processes is flagged, and so is JIT trouble of its
 * own (verdict.ts). See bench/README.md.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { unbuiltPackages } from '../built-packages.js'
import { assertKnownTargets, listOf, orExit, positiveInteger } from '../cli.js'
import { runLoad } from '../load.js'
import { describeMachine } from '../machine.js'
import { measure, roundOrder } from '../rounds.js'
import { GROUP_NAMES, type Group, groupsFor, type Target } from '../scenarios.js'
import { type ServerProcess, startServerProcessPatiently } from '../server-process.js'
import { FRAMEWORKS } from '../servers/spec.js'
import { describeSources } from '../sources.js'
import { median } from '../stats.js'
import { surveyReport } from './report.js'
import { splitJitTrace } from './v8-trace.js'
import { judgeProcesses, MIN_ROUNDS, type ProcessVerdict, type SurveyedProcess } from './verdict.js'

/** Reference processes are instance 0, beside the benchmark's 1 and 2, so that logs tell them apart. */
const REFERENCE_INSTANCE = 0

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    frameworks: { type: 'string', default: 'fastify' },
    groups: { type: 'string', default: 'happy' },
    // By default the two targets of a group's first comparison (status-errors against the app without
    // it or against its floor; the 405 against the 404, the HTML 404 against the JSON one). The A/A
    // pair adds nothing here: every process is compared with its own variant's.
    targets: { type: 'string' },
    warmup: { type: 'string', default: '2' },
    windows: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '1' },
  },
  strict: true,
})

const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

const rounds = orExit(() => positiveInteger(values.rounds, 'rounds'))
if (rounds < MIN_ROUNDS)
  fail(`--rounds must be at least ${MIN_ROUNDS}: a process is judged against its variant's others`)
const warmupSeconds = orExit(() => positiveInteger(values.warmup, 'warmup'))
const windows = orExit(() => positiveInteger(values.windows, 'windows'))
// As many windows with the fresh process first as with the reference first.
if (windows % 2 !== 0) fail('--windows must be even')
const seconds = orExit(() => positiveInteger(values.seconds, 'seconds'))
const targetIds = values.targets?.split(',').map((id) => id.trim())
const unbuilt = unbuiltPackages()
if (unbuilt !== undefined) fail(`status-errors bench: ${unbuilt}`)

const groupNames: readonly string[] = orExit(() => listOf(values.groups, GROUP_NAMES, 'groups'))
const groups = orExit(() => listOf(values.frameworks, FRAMEWORKS, 'frameworks')).flatMap((framework) =>
  groupsFor(framework).filter((group) => groupNames.includes(group.name)),
)
orExit(() => assertKnownTargets(groups, targetIds))

const machine = describeMachine()
const sources = await describeSources()
console.log(
  `status-errors process survey: ${rounds} rounds of one fresh process per target, 2 × ${warmupSeconds} s warm-up, ` +
    `${windows} windows of ${seconds} s alternating with a reference process; ${machine.cpu}, ${machine.cores} cores, ` +
    `Node ${machine.node}, ${machine.date}\nSources: ${sources.commit}, packages/*/src hash ${sources.packagesHash}\n`,
)
const traceDir = await mkdtemp(join(tmpdir(), 'status-errors-survey-'))
try {
  for (const group of groups) {
    const targets = surveyedTargets(group)
    if (targets.length > 0)
      console.log(surveyReport(`${group.framework} ${group.name}`, await surveyGroup(group, targets)))
  }
} finally {
  await rm(traceDir, { recursive: true, force: true })
}

function surveyedTargets(group: Group): Target[] {
  const headline = group.comparisons[0]
  const ids = targetIds ?? (headline === undefined ? [] : [headline.a, headline.b])
  return group.targets.filter((target) => ids.includes(target.id))
}

async function surveyGroup(group: Group, targets: readonly Target[]): Promise<ProcessVerdict[]> {
  const references = new Map<string, ServerProcess>()
  try {
    for (const target of targets) {
      // Traced like the fresh processes, so that the two differ only in age.
      const reference = await startServerProcessPatiently(
        { ...target.server, instance: REFERENCE_INSTANCE },
        { jitTraceFile: join(traceDir, `${group.framework}-${group.name}-${target.id}-reference.txt`) },
        log,
      )
      references.set(target.id, reference)
      await warmUp(reference, target)
    }
    const surveyed: SurveyedProcess[] = []
    for (let round = 1; round <= rounds; round++) {
      for (const target of roundOrder(targets, round - 1)) {
        const reference = references.get(target.id)
        if (reference === undefined) throw new Error(`${target.id}: no reference process`)
        const traceFile = join(traceDir, `${group.framework}-${group.name}-${target.id}-${round}.txt`)
        const one = await surveyProcess(target, round, reference, traceFile)
        log(
          `${group.framework}/${group.name} round ${round}: ${target.id} ${one.cpuMicrosPerResponse.toFixed(1)} µs, ` +
            `×${one.toReference.toFixed(2)} the reference`,
        )
        surveyed.push(one)
      }
    }
    return judgeProcesses(surveyed)
  } finally {
    await Promise.all([...references.values()].map((reference) => reference.stop()))
  }
}

async function surveyProcess(
  target: Target,
  round: number,
  reference: ServerProcess,
  traceFile: string,
): Promise<SurveyedProcess> {
  const server = await startServerProcessPatiently(target.server, { jitTraceFile: traceFile }, log)
  const cpu: number[] = []
  const referenceCpu: number[] = []
  const ratios: number[] = []
  // The file's lengths when the server was ready, and at the start and end of the measured windows.
  const marks: number[] = []
  try {
    marks.push(await traceLength(traceFile))
    await warmUp(server, target)
    // One round trip more: the warm-up's last connections close while its load returns.
    await server.sample()
    marks.push(await traceLength(traceFile))
    for (let window = 0; window < windows; window++) {
      // A B, B A, …: a drift within two windows weighs on both processes alike.
      const freshFirst = window % 2 === 0
      const first = await cpuPerResponse(freshFirst ? server : reference, target)
      const second = await cpuPerResponse(freshFirst ? reference : server, target)
      const [fresh, ofReference] = freshFirst ? [first, second] : [second, first]
      cpu.push(fresh)
      referenceCpu.push(ofReference)
      ratios.push(fresh / ofReference)
    }
    marks.push(await traceLength(traceFile))
  } finally {
    await server.stop()
  }
  const [ready = 0, windowStart = 0, windowEnd = 0] = marks
  // Each V8 isolate empties the file when it first traces (tsx's loader thread is a second one):
  // after the server was ready, that would leave the lengths meaningless.
  if (!(ready <= windowStart && windowStart <= windowEnd)) {
    throw new Error(`${traceFile}: the trace file shrank while measuring (lengths ${marks.join(', ')})`)
  }
  const { warmup, measured } = splitJitTrace(await readFile(traceFile), ready, windowStart, windowEnd)
  return {
    target: target.id,
    round,
    cpuMicrosPerResponse: median(cpu),
    referenceCpuMicrosPerResponse: median(referenceCpu),
    toReference: median(ratios),
    warmup,
    measured,
  }
}

async function warmUp(server: ServerProcess, target: Target): Promise<void> {
  // A first sample warms up the sampling path too, so that its own compilation is not measured.
  await server.sample()
  // Two warm-up loads: autocannon's connections close at the end of each, and the first closing
  // deoptimises Node's stream code once; the second shows it settled.
  for (let load = 0; load < 2; load++) {
    const { failures, responses } = await runLoad(server.port, target.request, warmupSeconds)
    if (failures > 0) throw new Error(`${target.id}: ${failures} of ${responses} warm-up requests failed`)
  }
}

async function cpuPerResponse(server: ServerProcess, target: Target): Promise<number> {
  const { cpuMicrosPerRequest, failures, responses } = await measure(server, target, seconds)
  if (failures > 0) throw new Error(`${target.id}: ${failures} of ${responses} requests failed`)
  return cpuMicrosPerRequest
}

/** V8 opens and closes the trace file around every trace (v8-trace.ts): its length marks a moment. */
async function traceLength(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch (error) {
    // V8 creates the file at its first trace.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
}

function fail(message: string): never {
  log(message)
  process.exit(1)
}
