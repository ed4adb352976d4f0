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
  /** Per-round throughput ratio A/B, pooled over every pair. */
  readonly ratio: Spread & { readonly perRound: readonly number[] }
  /** The median ratio of each fresh process pair, in run order. */
  readonly pairMedians: readonly number[]
  /**
   * Whether the pairs disagree by more than the A/A pairs do: a process that runs for its whole
   * life in a slow mode (a deoptimisation, a megamorphic shape) shows as one pair far from the rest.
   */
  readonly slowMode: boolean
  /** Per-round CPU ratio B/A (CPU per request of B over A's): above 1 means A costs less, like ratio. */
  readonly cpuRatio: Spread
  readonly cpuPerRound: readonly number[]
  /**
   * The median CPU ratio of each pair, in run order. A slow mode costs CPU per request in every
   * round of its process (×1.25–1.55 when it was found), so a pair in one shows here too. On a
   * shared machine this follows the pair's throughput ratio, noise included: it confirms a slow
   * mode rather than telling one from noise.
   */
  readonly cpuPairMedians: readonly number[]
  readonly cpuMicrosPerRequest: { readonly a: number; readonly b: number }
  readonly requestsPerSecond: { readonly a: number; readonly b: number }
  readonly bodyBytes: { readonly a: number; readonly b: number }
  readonly failures: number
  /** Throughput verdict: `within noise` when the miss is smaller than the A/A noise floor. */
  readonly verdict: Verdict | undefined
  /** The same goal applied to the CPU ratio. */
  readonly cpuVerdict: Verdict | undefined
}

/**
 * Turns the measured groups (each run in one or more fresh process pairs) into ratios, judged
 * against their goals and the A/A noise floor, with each pair's median beside the pooled one.
 */
export function compareAll(runsByGroup: readonly (readonly GroupRun[])[]): ComparisonResult[] {
  const raw = runsByGroup.flatMap((pairs) => {
    const [first] = pairs
    if (first === undefined) return []
    return first.group.comparisons.map((comparison) => pooled(pairs.map((run) => compare(run, comparison))))
  })
  const withSlowMode = raw.map((result) => ({
    ...result,
    slowMode: disagree(result, pairSpreadOfNoise(raw, result.framework)),
  }))
  return withSlowMode.map((result) => {
    if (result.goal === undefined) return result
    const noise = noiseFloor(withSlowMode, result.framework)
    return {
      ...result,
      verdict: judge(result.ratio.median, result.goal, noise.throughput),
      cpuVerdict: judge(result.cpuRatio.median, result.goal, noise.cpu),
    }
  })
}

/** One comparison over all its pairs: per-round ratios pooled, one median per pair kept. */
function pooled(pairs: readonly ComparisonResult[]): ComparisonResult {
  const [first] = pairs
  if (first === undefined) throw new Error('a comparison without a pair')
  const perRound = pairs.flatMap((result) => result.ratio.perRound)
  const cpuPerRound = pairs.flatMap((result) => result.cpuPerRound)
  return {
    ...first,
    ratio: { ...spread(perRound), perRound },
    cpuRatio: spread(cpuPerRound),
    cpuPerRound,
    pairMedians: pairs.map((result) => result.ratio.median),
    cpuPairMedians: pairs.map((result) => result.cpuRatio.median),
    cpuMicrosPerRequest: {
      a: median(pairs.map((result) => result.cpuMicrosPerRequest.a)),
      b: median(pairs.map((result) => result.cpuMicrosPerRequest.b)),
    },
    requestsPerSecond: {
      a: median(pairs.map((result) => result.requestsPerSecond.a)),
      b: median(pairs.map((result) => result.requestsPerSecond.b)),
    },
    failures: pairs.reduce((sum, result) => sum + result.failures, 0),
  }
}

/** How far apart the A/A pair medians lie: the disagreement between pairs that is only noise. */
function pairSpreadOfNoise(results: readonly ComparisonResult[], framework: Framework): number {
  const aa = results.find((result) => result.kind === 'noise' && result.framework === framework)
  return aa === undefined ? Number.NaN : widthOf(aa.pairMedians)
}

function disagree(result: ComparisonResult, noiseSpread: number): boolean {
  if (result.pairMedians.length < 2 || result.kind === 'noise' || !Number.isFinite(noiseSpread)) return false
  return widthOf(result.pairMedians) > noiseSpread
}

function widthOf(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values)
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
  const cpuPerRound = ratios(cpu(b), cpu(a))
  return {
    framework: run.group.framework,
    group: run.group.name,
    name: comparison.name,
    kind: comparison.kind,
    goal: comparison.goal,
    ratio: { ...spread(perRound), perRound },
    pairMedians: [median(perRound)],
    slowMode: false,
    cpuRatio: spread(cpuPerRound),
    cpuPerRound,
    cpuPairMedians: [median(cpuPerRound)],
    cpuMicrosPerRequest: { a: median(cpu(a)), b: median(cpu(b)) },
    requestsPerSecond: { a: median(rps(a)), b: median(rps(b)) },
    bodyBytes: { a: run.probes[comparison.a]?.bodyBytes ?? 0, b: run.probes[comparison.b]?.bodyBytes ?? 0 },
    failures: [...a, ...b].reduce((sum, m) => sum + m.failures, 0),
    verdict: undefined,
    cpuVerdict: undefined,
  }
}
