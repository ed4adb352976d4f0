/**
 * What a survey of fresh processes says about each one. A slow mode is a property of a process,
 * not of a moment: one process of a variant runs its whole life at ×1.25–1.55 the CPU per response
 * of the others (as when it was found, see compare.ts). A loaded machine slows every process
 * measured at that moment alike, so a process is flagged only when it is slow against both its own
 * variant's other processes and the processes of the other variants measured right beside it.
 */
import { median } from '../stats.js'
import type { JitEvent } from './v8-trace.js'

/** The low end of the slow mode as it was found (×1.25 CPU per response), with some margin. */
export const SLOW_FACTOR = 1.2
/** With fewer processes per target, a process's own variant has no median to be judged against. */
export const MIN_ROUNDS = 3

export interface SurveyedProcess {
  readonly target: string
  /** Processes of one round run one after another, each target once. */
  readonly round: number
  readonly cpuMicrosPerResponse: number
  readonly responses: number
  readonly warmup: readonly JitEvent[]
  readonly measured: readonly JitEvent[]
}

export interface ProcessVerdict {
  readonly surveyed: SurveyedProcess
  /** CPU per response over the median of the other processes of its target. */
  readonly toTarget: number
  /**
   * Its `toTarget` over the median `toTarget` of the other targets' processes of its round: each
   * against its own variant, since the variants of a group cost different amounts by design.
   */
  readonly toRound: number
  readonly slow: boolean
  /** Optimised code thrown away while measuring, or a function V8 gave up optimising. */
  readonly unsettledJit: boolean
}

export function judgeProcesses(processes: readonly SurveyedProcess[]): ProcessVerdict[] {
  const toTarget = new Map<SurveyedProcess, number>()
  for (const surveyed of processes) {
    const others = processes.filter((other) => other !== surveyed && other.target === surveyed.target)
    toTarget.set(surveyed, surveyed.cpuMicrosPerResponse / median(others.map(cpuOf)))
  }
  return processes.map((surveyed) => {
    const own = toTarget.get(surveyed) ?? Number.NaN
    const neighbours = processes.filter(
      (other) => other.round === surveyed.round && other.target !== surveyed.target,
    )
    const toRound = own / median(neighbours.map((neighbour) => toTarget.get(neighbour) ?? Number.NaN))
    return {
      surveyed,
      toTarget: own,
      toRound,
      slow: own >= SLOW_FACTOR && toRound >= SLOW_FACTOR,
      unsettledJit: jitTrouble(surveyed).length > 0,
    }
  })
}

function cpuOf(surveyed: SurveyedProcess): number {
  return surveyed.cpuMicrosPerResponse
}

/** What unsettles a JIT: optimised code thrown away while measuring, a disabled optimisation at any time. */
export function jitTrouble(surveyed: SurveyedProcess): JitEvent[] {
  return [
    ...surveyed.warmup.filter((event) => event.kind === 'disabled'),
    ...surveyed.measured.filter((event) => event.kind !== 'optimized'),
  ]
}

/** "name (reason)" of the deoptimisations and disabled optimisations among the events, counted. */
export function describeJitTrouble(events: readonly JitEvent[]): string {
  const counts = new Map<string, number>()
  for (const event of events) {
    if (event.kind === 'optimized') continue
    const label = `${event.kind === 'disabled' ? 'disabled: ' : ''}${event.name || '(anonymous)'} (${event.reason ?? ''})`
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return [...counts].map(([label, count]) => (count === 1 ? label : `${count}× ${label}`)).join('; ')
}
