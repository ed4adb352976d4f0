/**
 * `pnpm bench:survey`: one fresh server process after another, each warmed up and then measured in
 * windows alternating with a long-running reference process of the same variant, with V8 telling
 * what its JIT does (`--trace-opt --trace-deopt`). It looks for a slow mode where one would live, in
 * single processes: each process's CPU time per response against the reference's at the same
 * moments, and the optimised code it throws away or gives up on while it serves requests. A process
 * whose ratio stands out from its variant's other processes is flagged, as is one whose JIT has not
 * settled (verdict.ts). See bench/README.md.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { unbuiltPackages } from '../built-packages.js'
import { listOf } from '../cli.js'
import { runLoad } from '../load.js'
import { describeMachine } from '../machine.js'
import { table } from '../report.js'
import { roundOrder } from '../rounds.js'
import { GROUP_NAMES, groupsFor, type Target } from '../scenarios.js'
import { type ServerProcess, startServerProcessPatiently } from '../server-process.js'
import { FRAMEWORKS } from '../servers/spec.js'
import { describeSources } from '../sources.js'
import { median, spread } from '../stats.js'
import { type JitEvent, splitJitTrace } from './v8-trace.js'
import {
  describeJitTrouble,
  jitTrouble,
  judgeProcesses,
  MIN_ROUNDS,
  type ProcessVerdict,
  SLOW_FACTOR,
  type SurveyedProcess,
} from './verdict.js'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    frameworks: { type: 'string', default: 'fastify' },
    groups: { type: 'string', default: 'happy' },
    // By default a group's headline comparison (status-errors against its baseline or floor); the
    // A/A pair adds nothing here, every process is already compared with its own variant's.
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

const rounds = positive(values.rounds, 'rounds')
if (rounds < MIN_ROUNDS)
  fail(`--rounds must be at least ${MIN_ROUNDS}: a process is judged against its variant's others`)
const warmupSeconds = positive(values.warmup, 'warmup')
const windows = positive(values.windows, 'windows')
const seconds = positive(values.seconds, 'seconds')
const targetIds = values.targets?.split(',').map((id) => id.trim())
const unbuilt = unbuiltPackages()
if (unbuilt !== undefined) fail(`status-errors bench: ${unbuilt}`)

const groupNames: readonly string[] = listOf(values.groups, GROUP_NAMES, 'groups')
const groups = listOf(values.frameworks, FRAMEWORKS, 'frameworks').flatMap((framework) =>
  groupsFor(framework).filter((group) => groupNames.includes(group.name)),
)
if (targetIds !== undefined) {
  const known = new Set(groups.flatMap((group) => group.targets.map((target) => target.id)))
  const unknown = targetIds.filter((id) => !known.has(id))
  if (unknown.length > 0) fail(`--targets: no target ${unknown.join(', ')} in ${[...known].join(', ')}`)
}

const machine = describeMachine()
const sources = await describeSources()
console.log(
  `status-errors process survey: ${rounds} rounds of one fresh process per target, 2 × ${warmupSeconds} s warm-up, ` +
    `${windows} windows of ${seconds} s alternating with a reference process; ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}\n` +
    `Sources: ${sources.commit}, packages/*/src hash ${sources.packagesHash}\n`,
)
const traceDir = await mkdtemp(join(tmpdir(), 'status-errors-survey-'))
try {
  for (const group of groups) {
    const headline = group.comparisons[0]
    const ids = targetIds ?? (headline === undefined ? [] : [headline.a, headline.b])
    const targets = group.targets.filter((target) => ids.includes(target.id))
    if (targets.length === 0) continue
    const references = new Map<string, ServerProcess>()
    try {
      for (const target of targets) {
        // Instance 0: the reference, beside the fresh processes' instance 1.
        const reference = await startServerProcessPatiently({ ...target.server, instance: 0 }, {}, log)
        references.set(target.id, reference)
        await warmUp(reference, target)
      }
      const surveyed: SurveyedProcess[] = []
      for (let round = 1; round <= rounds; round++) {
        for (const target of roundOrder(targets, round - 1)) {
          const reference = references.get(target.id)
          if (reference === undefined) throw new Error(`${target.id}: no reference process`)
          const traceFile = join(traceDir, `${group.framework}-${group.name}-${target.id}-${round}.txt`)
          const one = await survey(target, round, reference, traceFile)
          log(
            `${group.framework}/${group.name} round ${round}: ${target.id} ${one.cpuMicrosPerResponse.toFixed(1)} µs, ` +
              `×${one.toReference.toFixed(2)} the reference`,
          )
          surveyed.push(one)
        }
      }
      console.log(report(`${group.framework} ${group.name}`, judgeProcesses(surveyed)))
    } finally {
      await Promise.all([...references.values()].map((reference) => reference.stop()))
    }
  }
} finally {
  await rm(traceDir, { recursive: true, force: true })
}

async function survey(
  target: Target,
  round: number,
  reference: ServerProcess,
  traceFile: string,
): Promise<SurveyedProcess> {
  const server = await startServerProcessPatiently(target.server, { jitTraceFile: traceFile }, log)
  const cpu: number[] = []
  const ratios: number[] = []
  let traceWindow: readonly [number, number]
  try {
    await warmUp(server, target)
    const windowStart = await traceLength(traceFile)
    for (let window = 0; window < windows; window++) {
      // A B, B A, …: a drift within two windows weighs on both processes alike.
      const freshFirst = window % 2 === 0
      const first = await cpuPerResponse(freshFirst ? server : reference, target)
      const second = await cpuPerResponse(freshFirst ? reference : server, target)
      const [fresh, ofReference] = freshFirst ? [first, second] : [second, first]
      cpu.push(fresh)
      ratios.push(fresh / ofReference)
    }
    traceWindow = [windowStart, await traceLength(traceFile)]
  } finally {
    await server.stop()
  }
  const { warmup, measured } = splitJitTrace(await readFile(traceFile), ...traceWindow)
  return {
    target: target.id,
    round,
    cpuMicrosPerResponse: median(cpu),
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
  await load(server.port, target, warmupSeconds)
  await load(server.port, target, warmupSeconds)
}

async function cpuPerResponse(server: ServerProcess, target: Target): Promise<number> {
  const before = await server.sample()
  const { responses } = await load(server.port, target, seconds)
  const after = await server.sample()
  return (after.cpuMicros - before.cpuMicros) / Math.max(responses, 1)
}

/** V8 opens and closes the trace file around every trace (v8-trace.ts): its length marks a moment. */
async function traceLength(file: string): Promise<number> {
  return (await stat(file).catch(() => ({ size: 0 }))).size
}

async function load(port: number, target: Target, duration: number): Promise<{ readonly responses: number }> {
  const result = await runLoad(port, target.request, duration)
  if (result.failures > 0)
    throw new Error(`${target.id}: ${result.failures} of ${result.responses} requests failed`)
  return result
}

function report(title: string, verdicts: readonly ProcessVerdict[]): string {
  const rows = verdicts.map(({ surveyed, toVariant, slow, unsettledJit }) => [
    String(surveyed.round),
    surveyed.target,
    surveyed.cpuMicrosPerResponse.toFixed(1),
    surveyed.toReference.toFixed(2),
    toVariant.toFixed(2),
    String(count(surveyed.warmup, 'deoptimized')),
    String(count(surveyed.measured, 'deoptimized')),
    String(count(surveyed.measured, 'optimized')),
    [slow ? 'slow mode?' : '', unsettledJit ? `JIT: ${describeJitTrouble(jitTrouble(surveyed))}` : '']
      .filter(Boolean)
      .join(' · '),
  ])
  const targets = [...new Set(verdicts.map((verdict) => verdict.surveyed.target))]
  const summary = targets.map((target) => {
    const cpu = spread(
      verdicts
        .filter((verdict) => verdict.surveyed.target === target)
        .map((verdict) => verdict.surveyed.cpuMicrosPerResponse),
    )
    const ratio = spread(
      verdicts
        .filter((verdict) => verdict.surveyed.target === target)
        .map((verdict) => verdict.surveyed.toReference),
    )
    return (
      `- ${target}: median ${cpu.median.toFixed(1)} µs per response (${cpu.min.toFixed(1)}–${cpu.max.toFixed(1)}), ` +
      `×${ratio.median.toFixed(2)} the reference (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}) over ${rounds} processes`
    )
  })
  const slow = verdicts.filter((verdict) => verdict.slow).length
  const unsettled = verdicts.filter((verdict) => verdict.unsettledJit).length
  return [
    `## ${title}`,
    '',
    table(
      [
        'round',
        'target',
        'CPU µs/response',
        '÷ reference',
        '÷ its variant',
        'deopts warm-up',
        'deopts measured',
        'optimised measured',
        'flags',
      ],
      rows,
    ),
    '',
    ...summary,
    `- ${slow} of ${verdicts.length} processes slow (their ratio to the reference ≥ ×${SLOW_FACTOR} their variant's median); ${unsettled} with a JIT that had not settled`,
    '',
  ].join('\n')
}

function count(events: readonly JitEvent[], kind: 'optimized' | 'deoptimized'): number {
  return events.filter((event) => event.kind === kind).length
}

function positive(text: string, name: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a positive integer`)
  return value
}

function fail(message: string): never {
  log(message)
  process.exit(1)
}
