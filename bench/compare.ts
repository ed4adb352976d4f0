import type { GroupRun, Measurement } from './rounds.js'
import type { Comparison } from './scenarios.js'
import type { Framework } from './servers/spec.js'
import { median, ratios, type Spread, spread } from './stats.js'

export type Verdict = 'met' | 'within noise' | 'missed'

export interface ComparisonResult {
  readonly framework: Framework
  readonly group: string
  readonly name: string
  readonly kind: Comparison['kind']
  readonly goal: number | undefined
  /** Per-round throughput ratio A/B. */
  readonly ratio: Spread & { readonly perRound: readonly number[] }
  /** Per-round CPU ratio B/A (CPU per request of B over A's): above 1 means A costs less, like ratio. */
  readonly cpuRatio: Spread
  readonly cpuMicrosPerRequest: { readonly a: number; readonly b: number }
  readonly requestsPerSecond: { readonly a: number; readonly b: number }
  readonly bodyBytes: { readonly a: number; readonly b: number }
  readonly failures: number
  /** Throughput verdict: `within noise` when the miss is smaller than the A/A noise floor. */
  readonly verdict: Verdict | undefined
  /** The same goal applied to the CPU ratio. */
  readonly cpuVerdict: Verdict | undefined
}

/** Turns the measured groups into ratios, judged against their goals and the A/A noise floor. */
export function compareAll(runs: readonly GroupRun[]): ComparisonResult[] {
  const raw = runs.flatMap((run) => run.group.comparisons.map((comparison) => compare(run, comparison)))
  return raw.map((result) => {
    if (result.goal === undefined) return result
    const noise = noiseFloor(raw, result.framework)
    return {
      ...result,
      verdict: judge(result.ratio.median, result.goal, noise.throughput),
      cpuVerdict: judge(result.cpuRatio.median, result.goal, noise.cpu),
    }
  })
}

/** How far the A/A pair's per-round ratios strayed from 1; the bar a miss must clear to count. */
export function noiseFloor(
  results: readonly ComparisonResult[],
  framework: Framework,
): { throughput: number; cpu: number } {
  const aa = results.find((result) => result.kind === 'noise' && result.framework === framework)
  if (aa === undefined) return { throughput: Number.NaN, cpu: Number.NaN }
  const deviation = (value: Spread) => Math.max(Math.abs(value.max - 1), Math.abs(1 - value.min))
  return { throughput: deviation(aa.ratio), cpu: deviation(aa.cpuRatio) }
}

function judge(value: number, goal: number, noise: number): Verdict {
  if (value >= goal) return 'met'
  return value >= goal - noise ? 'within noise' : 'missed'
}

function compare(run: GroupRun, comparison: Comparison): ComparisonResult {
  const a = run.rounds[comparison.a] ?? []
  const b = run.rounds[comparison.b] ?? []
  const rps = (list: readonly Measurement[]) => list.map((m) => m.requestsPerSecond)
  const cpu = (list: readonly Measurement[]) => list.map((m) => m.cpuMicrosPerRequest)
  const perRound = ratios(rps(a), rps(b))
  return {
    framework: run.group.framework,
    group: run.group.name,
    name: comparison.name,
    kind: comparison.kind,
    goal: comparison.goal,
    ratio: { ...spread(perRound), perRound },
    cpuRatio: spread(ratios(cpu(b), cpu(a))),
    cpuMicrosPerRequest: { a: median(cpu(a)), b: median(cpu(b)) },
    requestsPerSecond: { a: median(rps(a)), b: median(rps(b)) },
    bodyBytes: { a: run.probes[comparison.a]?.bodyBytes ?? 0, b: run.probes[comparison.b]?.bodyBytes ?? 0 },
    failures: [...a, ...b].reduce((sum, m) => sum + m.failures, 0),
    verdict: undefined,
    cpuVerdict: undefined,
  }
}
