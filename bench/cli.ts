import { parseArgs } from 'node:util'
import { GROUP_NAMES, type Group, type GroupName } from './scenarios.js'
import { FRAMEWORKS, type Framework } from './servers/spec.js'

export interface BenchOptions {
  /** About a second per scenario, nothing written: keeps the benchmark from rotting in CI. */
  readonly smoke: boolean
  /** Fresh server processes per group: every comparison is measured in this many process pairs. */
  readonly pairs: number
  /** Rounds per pair. */
  readonly rounds: number
  readonly seconds: number
  readonly warmupSeconds: number
  readonly frameworks: readonly Framework[]
  readonly groups: readonly GroupName[]
  readonly memory: { readonly early: number; readonly late: number } | undefined
  /** tinybench time per task in ms; `undefined` skips the micro-benchmarks. */
  readonly microTimeMs: number | undefined
  readonly cpuProfileDir: string | undefined
  /** Only a full, unfiltered run replaces bench/results/latest.json. */
  readonly write: boolean
}

export const USAGE = `pnpm bench [--smoke] [--pairs N] [--rounds N] [--duration S] [--warmup S]
           [--frameworks express,koa,fastify] [--groups ${GROUP_NAMES.join(',')}]
           [--no-memory] [--no-micro] [--cpu-prof DIR]`

export function parseBenchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      smoke: { type: 'boolean', default: false },
      pairs: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      frameworks: { type: 'string' },
      groups: { type: 'string' },
      'no-memory': { type: 'boolean', default: false },
      'no-micro': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const smoke = values.smoke
  const frameworks = listOf(values.frameworks, FRAMEWORKS, 'frameworks')
  const groups = listOf(values.groups, GROUP_NAMES, 'groups')
  const filtered = frameworks.length < FRAMEWORKS.length || groups.length < GROUP_NAMES.length
  const noMemory = values['no-memory']
  const noMicro = values['no-micro']
  return {
    smoke,
    pairs: Math.max(1, Math.round(numberOf(values.pairs, smoke ? 1 : 3, 'pairs'))),
    rounds: numberOf(values.rounds, smoke ? 1 : 6, 'rounds'),
    seconds: numberOf(values.duration, smoke ? 0.3 : 1.5, 'duration'),
    warmupSeconds: numberOf(values.warmup, smoke ? 0 : 2, 'warmup'),
    frameworks,
    groups,
    memory: noMemory ? undefined : smoke ? { early: 2_000, late: 10_000 } : { early: 20_000, late: 200_000 },
    microTimeMs: noMicro ? undefined : smoke ? 20 : 500,
    cpuProfileDir: values['cpu-prof'],
    write: !smoke && !filtered && !noMemory && !noMicro && values['cpu-prof'] === undefined,
  }
}

function numberOf(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`)
  return value
}

/** The items of a comma-separated option, each one of `all`; all of them when the option is absent. */
export function listOf<T extends string>(
  text: string | undefined,
  all: readonly T[],
  name: string,
): readonly T[] {
  if (text === undefined) return all
  const picked = text.split(',').map((item) => item.trim())
  const known = all.filter((item) => picked.includes(item))
  if (known.length !== picked.length) throw new Error(`--${name} takes ${all.join(', ')}`)
  return known
}

/** A whole number of at least 1 given to `--name`. */
export function positiveInteger(text: string, name: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`)
  return value
}

/** Every `--targets` id must name a target of one of the groups run, or a typo would measure nothing. */
export function assertKnownTargets(groups: readonly Group[], ids: readonly string[] | undefined): void {
  if (ids === undefined) return
  const known = new Set(groups.flatMap((group) => group.targets.map((target) => target.id)))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0)
    throw new Error(`--targets: no target ${unknown.join(', ')} in ${[...known].join(', ')}`)
}

/** Runs a check of the command line: a mistake ends the run with its message alone, no stack trace. */
export function orExit<T>(check: () => T): T {
  try {
    return check()
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
