import type { Comparison, Group } from '../scenarios.js'
import type { Framework } from '../servers/spec.js'
import { ratios } from '../stats.js'

/** Instructions per request of each target of a group, each counted in a fresh process of its own. */
export type SetCounts = ReadonlyMap<string, number>

export interface InstructionComparison {
  readonly framework: Framework
  readonly name: string
  readonly kind: Comparison['kind']
  readonly goal: number | undefined
  /**
   * Per fresh process set, B's instructions per request over A's: like the throughput ratio A/B,
   * above 1 means A does less work, and a goal applies to it the same way.
   */
  readonly setRatios: readonly number[]
  /** Instructions per request of A and of B in each process set, in run order. */
  readonly counts: { readonly a: readonly number[]; readonly b: readonly number[] }
  /** `met` when every process set reaches the goal. */
  readonly verdict: 'met' | 'missed' | undefined
}

/** The comparisons whose two targets are among `counted`: the targets worth counting. */
export function comparisonsOf(group: Group, counted: (target: string) => boolean): Comparison[] {
  return group.comparisons.filter((comparison) => counted(comparison.a) && counted(comparison.b))
}

/** The comparisons of a group whose targets were counted, from their counts in each process set. */
export function compareInstructions(group: Group, sets: readonly SetCounts[]): InstructionComparison[] {
  const counted = (target: string) => sets.every((counts) => counts.has(target))
  return comparisonsOf(group, counted).map((comparison) => {
    const a = sets.map((counts) => counts.get(comparison.a) ?? Number.NaN)
    const b = sets.map((counts) => counts.get(comparison.b) ?? Number.NaN)
    const setRatios = ratios(b, a)
    const { goal } = comparison
    return {
      framework: group.framework,
      name: comparison.name,
      kind: comparison.kind,
      goal,
      setRatios,
      counts: { a, b },
      verdict: goal === undefined ? undefined : setRatios.every((ratio) => ratio >= goal) ? 'met' : 'missed',
    }
  })
}
