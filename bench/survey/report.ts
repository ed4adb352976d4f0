/** The survey's table and summary for one group, in Markdown like `pnpm bench`'s. */
import { table } from '../report.js'
import { spread } from '../stats.js'
import type { JitEvent } from './v8-trace.js'
import {
  describeJitTrouble,
  type ProcessVerdict,
  SLOW_FACTOR,
  type SurveyedProcess,
  sharedJitTrouble,
} from './verdict.js'

const HEADER = [
  'round',
  'target',
  'CPU µs/response',
  'reference µs',
  '÷ reference',
  '÷ its variant',
  'deopts warm-up',
  'deopts measured',
  'optimised measured',
  'flags',
]

export function surveyReport(title: string, verdicts: readonly ProcessVerdict[]): string {
  const processes = verdicts.map((verdict) => verdict.surveyed)
  const targets = [...new Set(processes.map((surveyed) => surveyed.target))]
  const slow = verdicts.filter((verdict) => verdict.slow).length
  const unusual = verdicts.filter((verdict) => verdict.unusualJit.length > 0).length
  const shared = sharedJitTrouble(processes)
  return [
    `## ${title}`,
    '',
    table(HEADER, verdicts.map(processRow)),
    '',
    ...targets.map((target) => targetSummary(target, processes)),
    `- ${slow} of ${verdicts.length} processes slow (a ratio to the reference ×${SLOW_FACTOR} or more its variant's median)`,
    `- ${unusual} of ${verdicts.length} processes with JIT trouble of their own (a deoptimisation while measured, or an optimisation disabled after the server was ready, that not every target's processes share)`,
    `- shared by at least half of every target's processes: ${shared.length === 0 ? 'nothing' : shared.map(([label, count]) => `${label} in ${count}`).join('; ')}`,
    '',
  ].join('\n')
}

function processRow({ surveyed, toVariant, slow, unusualJit }: ProcessVerdict): string[] {
  const flags = [
    slow ? 'slow mode?' : '',
    unusualJit.length > 0 ? `JIT: ${describeJitTrouble(unusualJit)}` : '',
  ]
  return [
    String(surveyed.round),
    surveyed.target,
    surveyed.cpuMicrosPerResponse.toFixed(1),
    surveyed.referenceCpuMicrosPerResponse.toFixed(1),
    surveyed.toReference.toFixed(2),
    toVariant.toFixed(2),
    String(count(surveyed.warmup, 'deoptimized')),
    String(count(surveyed.measured, 'deoptimized')),
    String(count(surveyed.measured, 'optimized')),
    flags.filter(Boolean).join(' · '),
  ]
}

function targetSummary(target: string, processes: readonly SurveyedProcess[]): string {
  const own = processes.filter((surveyed) => surveyed.target === target)
  const cpu = spread(own.map((surveyed) => surveyed.cpuMicrosPerResponse))
  const ratio = spread(own.map((surveyed) => surveyed.toReference))
  return (
    `- ${target}: ×${ratio.median.toFixed(2)} the reference (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}), ` +
    `${cpu.median.toFixed(1)} µs per response (${cpu.min.toFixed(1)}–${cpu.max.toFixed(1)}) over ${own.length} processes`
  )
}

function count(events: readonly JitEvent[], kind: 'optimized' | 'deoptimized'): number {
  return events.filter((event) => event.kind === kind).length
}
