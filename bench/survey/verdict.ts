/**
 * What a survey of fresh processes says about each one. A slow mode is a property of a process,
 * not of a moment: one process of a variant runs its whole life at ×1.25–1.55 the CPU per response
 * of the others (as when it was found, see compare.ts). Each fresh process is measured in windows
 * alternating with a long-running reference process of the same variant, so a loaded moment slows
 * both alike and leaves their ratio; a process is flagged when its ratio stands out from the ratios
 * of its variant's other fresh processes (which also cancels a reference that is itself slow).
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
  /** Median over the measured windows. */
  readonly cpuMicrosPerResponse: number
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
  /** Optimised code thrown away while measuring, or a function V8 gave up optimising. */
  readonly unsettledJit: boolean
}

export function judgeProcesses(processes: readonly SurveyedProcess[]): ProcessVerdict[] {
  return processes.map((surveyed) => {
    const others = processes.filter((other) => other !== surveyed && other.target === surveyed.target)
    const toVariant = surveyed.toReference / median(others.map((other) => other.toReference))
    return {
      surveyed,
      toVariant,
      slow: toVariant >= SLOW_FACTOR,
      unsettledJit: jitTrouble(surveyed).length > 0,
    }
  })
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
