/**
 * What a survey of fresh processes says about each one. A slow mode is a property of a process,
 * not of a moment: one process of a variant runs its whole life at ×1.25–1.55 the CPU per response
 * of the others (as when it was found, see ../compare.ts). Each fresh process is measured in
 * windows alternating with a long-running reference process of the same variant, so a loaded moment
 * slows both alike and leaves their ratio; a process is flagged when its ratio stands out from the
 * ratios of its variant's other fresh processes. That also cancels a reference slow all along, but
 * not one whose level changes partway, and it holds while slow processes are a few among many.
 */
import { median } from '../stats.js'
import type { JitEvent } from './v8-trace.js'

/** The low end of the slow mode as it was found (×1.25 CPU per response), with some margin. */
export const SLOW_FACTOR = 1.2
/** A process is judged against the median of its variant's other processes: three or more, so that one odd one cannot move it. */
export const MIN_ROUNDS = 4

export interface SurveyedProcess {
  readonly target: string
  /** Processes of one round run one after another, each target once. */
  readonly round: number
  /** Median over the measured windows. */
  readonly cpuMicrosPerResponse: number
  /** The reference's, median over the windows beside them: how loaded the machine was. */
  readonly referenceCpuMicrosPerResponse: number
  /** Median over the windows of its CPU per response over the reference's in the window beside it. */
  readonly toReference: number
  readonly warmup: readonly JitEvent[]
  readonly measured: readonly JitEvent[]
}

export interface ProcessVerdict {
  readonly surveyed: SurveyedProcess
  /** Its `toReference` over the median `toReference` of its target's other fresh processes. */
  readonly toVariant: number
  readonly slow: boolean
  /**
   * Its JIT trouble (`jitTrouble`) that most processes of the survey do not share: Node's own
   * deoptimisations for the connections each window opens and closes appear in every variant.
   */
  readonly unusualJit: readonly JitEvent[]
}

export function judgeProcesses(processes: readonly SurveyedProcess[]): ProcessVerdict[] {
  const common = new Set(sharedJitTrouble(processes).map(([label]) => label))
  return processes.map((surveyed) => {
    const others = processes.filter((other) => other !== surveyed && other.target === surveyed.target)
    if (others.length < MIN_ROUNDS - 1) {
      throw new Error(
        `${surveyed.target}: ${others.length + 1} processes, fewer than the ${MIN_ROUNDS} a verdict needs`,
      )
    }
    const toVariant = surveyed.toReference / median(others.map((other) => other.toReference))
    return {
      surveyed,
      toVariant,
      slow: toVariant >= SLOW_FACTOR,
      unusualJit: jitTrouble(surveyed).filter((event) => !common.has(troubleLabel(event))),
    }
  })
}

/**
 * The JIT trouble that at least half of the processes of every target show, with how many show it
 * in all: trouble of one variant's processes only is what the survey looks for, never set aside.
 */
export function sharedJitTrouble(
  processes: readonly SurveyedProcess[],
): [label: string, processes: number][] {
  const targets = [...new Set(processes.map((surveyed) => surveyed.target))]
  const byTarget = targets.map((target) =>
    troubleCounts(processes.filter((surveyed) => surveyed.target === target)),
  )
  const all = troubleCounts(processes)
  return [...all].filter(([label]) =>
    byTarget.every((counts, index) => {
      const size = processes.filter((surveyed) => surveyed.target === targets[index]).length
      return (counts.get(label) ?? 0) * 2 >= size
    }),
  )
}

/** How many of the processes show each kind of JIT trouble. */
function troubleCounts(processes: readonly SurveyedProcess[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const surveyed of processes) {
    for (const label of new Set(jitTrouble(surveyed).map(troubleLabel)))
      counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return counts
}

/** What unsettles a JIT: optimised code thrown away while measuring, a disabled optimisation at any time. */
function jitTrouble(surveyed: SurveyedProcess): JitEvent[] {
  return [
    ...surveyed.warmup.filter((event) => event.kind === 'disabled'),
    ...surveyed.measured.filter((event) => event.kind !== 'optimized'),
  ]
}

/** What V8 threw away or gave up on, and why: "name (reason)". */
function troubleLabel(event: JitEvent): string {
  return `${event.kind === 'disabled' ? 'disabled: ' : ''}${event.name || '(anonymous)'} (${event.reason ?? ''})`
}

/** "name (reason)" of the deoptimisations and disabled optimisations among the events, counted. */
export function describeJitTrouble(events: readonly JitEvent[]): string {
  const counts = new Map<string, number>()
  for (const event of events) {
    if (event.kind === 'optimized') continue
    const label = troubleLabel(event)
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return [...counts].map(([label, count]) => (count === 1 ? label : `${count}× ${label}`)).join('; ')
}
