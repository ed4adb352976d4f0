/**
 * `pnpm bench:survey`: one fresh server process after another, each warmed up and then measured
 * alone, with V8 telling what its JIT does (`--trace-opt --trace-deopt`). It looks for the slow mode
 * of issue 9 where it lives, in single processes: CPU time per response for each process, and the
 * optimised code each one throws away or gives up on while it serves requests. A process slow
 * against its own variant and against the processes beside it is flagged, as is one whose JIT has
 * not settled (verdict.ts). See bench/README.md.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { unbuiltPackages } from '../built-packages.js'
import { listOf } from '../cli.js'
import { runLoad } from '../load.js'
import { describeMachine } from '../machine.js'
import { table } from '../report.js'
import { GROUP_NAMES, groupsFor, type Target } from '../scenarios.js'
import { startServerProcessPatiently } from '../server-process.js'
import { FRAMEWORKS } from '../servers/spec.js'
import { describeSources } from '../sources.js'
import { median } from '../stats.js'
import { type JitEvent, JitLog } from './v8-trace.js'
import {
  describeJitTrouble,
  judgeProcesses,
  type ProcessVerdict,
  SLOW_FACTOR,
  type SurveyedProcess,
} from './verdict.js'

/** V8's trace reaches this process through a pipe: lines printed before a sample may still be in it. */
const TRACE_SETTLE_MS = 250

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    frameworks: { type: 'string', default: 'fastify' },
    groups: { type: 'string', default: 'happy' },
    // The A/A pair adds nothing here: every process is already compared with its own variant's.
    targets: { type: 'string', default: 'se,without,floor' },
    warmup: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '2' },
  },
  strict: true,
})

const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

const rounds = positive(values.rounds, 'rounds')
const warmupSeconds = positive(values.warmup, 'warmup')
const seconds = positive(values.seconds, 'seconds')
const targetIds = values.targets.split(',').map((id) => id.trim())
const unbuilt = unbuiltPackages()
if (unbuilt !== undefined) fail(`status-errors bench: ${unbuilt}`)

const groupNames: readonly string[] = listOf(values.groups, GROUP_NAMES, 'groups')
const groups = listOf(values.frameworks, FRAMEWORKS, 'frameworks').flatMap((framework) =>
  groupsFor(framework).filter((group) => groupNames.includes(group.name)),
)

const machine = describeMachine()
const sources = await describeSources()
console.log(
  `status-errors process survey: ${rounds} rounds of one fresh process per target, ${warmupSeconds} s warm-up, ` +
    `${seconds} s measured; ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}\n` +
    `Sources: ${sources.commit}, packages/*/src hash ${sources.packagesHash}\n`,
)
for (const group of groups) {
  const targets = group.targets.filter((target) => targetIds.includes(target.id))
  if (targets.length === 0) continue
  const surveyed: SurveyedProcess[] = []
  for (let round = 1; round <= rounds; round++) {
    // The order turns each round, so that no target always follows the same one.
    const shift = (round - 1) % targets.length
    for (const target of [...targets.slice(shift), ...targets.slice(0, shift)]) {
      const process = await survey(target, round)
      log(
        `${group.framework}/${group.name} round ${round}: ${target.id} ${process.cpuMicrosPerResponse.toFixed(1)} µs`,
      )
      surveyed.push(process)
    }
  }
  console.log(report(`${group.framework} ${group.name}`, judgeProcesses(surveyed)))
}

async function survey(target: Target, round: number): Promise<SurveyedProcess> {
  const jit = new JitLog()
  const server = await startServerProcessPatiently(target.server, { onJitTrace: jit.onLine }, log)
  try {
    // A first sample warms up the sampling path too, so that its own compilation is not measured.
    await server.sample()
    // Two warm-up loads: autocannon's connections close at the end of each, and the first closing
    // deoptimises Node's stream code once; the second shows it settled.
    await load(server.port, target, warmupSeconds)
    await load(server.port, target, warmupSeconds)
    await sleep(TRACE_SETTLE_MS)
    jit.startMeasuring()
    const before = await server.sample()
    const { responses } = await load(server.port, target, seconds)
    const after = await server.sample()
    await sleep(TRACE_SETTLE_MS)
    const { warmup, measured } = jit.events()
    return {
      target: target.id,
      round,
      cpuMicrosPerResponse: (after.cpuMicros - before.cpuMicros) / responses,
      responses,
      warmup,
      measured,
    }
  } finally {
    await server.stop()
  }
}

async function load(port: number, target: Target, duration: number): Promise<{ readonly responses: number }> {
  const result = await runLoad(port, target.request, duration)
  if (result.failures > 0)
    throw new Error(`${target.id}: ${result.failures} of ${result.responses} requests failed`)
  return result
}

function report(title: string, verdicts: readonly ProcessVerdict[]): string {
  const rows = verdicts.map(({ process, toTarget, toRound, slow, unsettledJit }) => [
    String(process.round),
    process.target,
    process.cpuMicrosPerResponse.toFixed(1),
    toTarget.toFixed(2),
    Number.isNaN(toRound) ? '' : toRound.toFixed(2),
    String(count(process.warmup, 'deoptimized')),
    String(count(process.measured, 'deoptimized')),
    String(count(process.measured, 'optimized')),
    [slow ? 'slow mode?' : '', unsettledJit ? `JIT: ${describeJitTrouble(jitTrouble(process))}` : '']
      .filter(Boolean)
      .join(' · '),
  ])
  const targets = [...new Set(verdicts.map((verdict) => verdict.process.target))]
  const summary = targets.map((target) => {
    const cpu = verdicts
      .filter((verdict) => verdict.process.target === target)
      .map((verdict) => verdict.process.cpuMicrosPerResponse)
    return `- ${target}: median ${median(cpu).toFixed(1)} µs per response, ${Math.min(...cpu).toFixed(1)}–${Math.max(...cpu).toFixed(1)} over ${cpu.length} processes`
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
        '÷ its target',
        '÷ its round',
        'deopts warm-up',
        'deopts measured',
        'optimised measured',
        'flags',
      ],
      rows,
    ),
    '',
    ...summary,
    `- ${slow} of ${verdicts.length} processes slow (≥ ×${SLOW_FACTOR} against their target's median and their round); ${unsettled} with a JIT that had not settled`,
    '',
  ].join('\n')
}

/** What unsettles a JIT: optimised code thrown away while measuring, a disabled optimisation at any time. */
function jitTrouble(process: SurveyedProcess): JitEvent[] {
  return [...process.warmup.filter((event) => event.kind === 'disabled'), ...process.measured]
}

function count(events: SurveyedProcess['measured'], kind: 'optimized' | 'deoptimized'): number {
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
