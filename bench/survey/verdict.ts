/**
 * What a survey of fresh processes says about each one. The slow mode issue 9 describes is a
 * property of a process, not of a moment: one process of a variant runs its whole life at ×1.25–1.55
 * the CPU per response of the others. A loaded machine slows every process measured at that moment
 * alike, so a process is flagged only when it is slow against both its own variant's other
 * processes and the processes of the other variants measured right beside it.
 */
import { median } from '../stats.js'
import type { JitEvent } from './v8-trace.js'

/** The low end of the slow mode seen in issue 9: ×1.25 CPU per response, with some margin. */
export const SLOW_FACTOR = 1.2

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
  readonly process: SurveyedProcess
  /** CPU per response over the median of its target's processes. */
  readonly toTarget: number
  /** CPU per response over the median of the other targets' processes of its round (NaN alone). */
  readonly toRound: number
  readonly slow: boolean
  /** Optimised code thrown away while measuring, or a function V8 gave up optimising. */
  readonly unsettledJit: boolean
}

export function judgeProcesses(processes: readonly SurveyedProcess[]): ProcessVerdict[] {
  const targetMedians = new Map<string, number>()
  for (const target of new Set(processes.map((process) => process.target))) {
    targetMedians.set(target, median(cpuOf(processes.filter((process) => process.target === target))))
  }
  return processes.map((process) => {
    const neighbours = processes.filter(
      (other) => other.round === process.round && other.target !== process.target,
    )
    const toTarget = process.cpuMicrosPerResponse / (targetMedians.get(process.target) ?? Number.NaN)
    const toRound =
      neighbours.length === 0 ? Number.NaN : process.cpuMicrosPerResponse / median(cpuOf(neighbours))
    return {
      process,
      toTarget,
      toRound,
      slow: toTarget >= SLOW_FACTOR && toRound >= SLOW_FACTOR,
      unsettledJit:
        process.measured.some((event) => event.kind !== 'optimized') ||
        [...process.warmup, ...process.measured].some((event) => event.kind === 'disabled'),
    }
  })
}

function cpuOf(processes: readonly SurveyedProcess[]): number[] {
  return processes.map((process) => process.cpuMicrosPerResponse)
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
