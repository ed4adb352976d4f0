import { describe, expect, it } from 'vitest'
import { describeJitTrouble, judgeProcesses, type SurveyedProcess } from './verdict.js'

function surveyed(
  target: string,
  round: number,
  cpu: number,
  extra: Partial<SurveyedProcess> = {},
): SurveyedProcess {
  return { target, round, cpuMicrosPerResponse: cpu, responses: 1000, warmup: [], measured: [], ...extra }
}

/** Three rounds of `se` against `floor`, the floor at `floorCpu`, with `se` at `seCpu[round - 1]`. */
function rounds(seCpu: readonly number[], floorCpu: readonly number[]): SurveyedProcess[] {
  return seCpu.flatMap((cpu, index) => [
    surveyed('se', index + 1, cpu),
    surveyed('floor', index + 1, floorCpu[index] ?? 0),
  ])
}

describe('survey verdicts', () => {
  it('flags a process slow against its own variant and against the processes beside it', () => {
    const verdicts = judgeProcesses(rounds([30, 40, 31, 30], [30, 30, 29, 30]))
    expect(verdicts.map((verdict) => verdict.slow)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
    ])
    expect(verdicts[2]?.toTarget).toBeCloseTo(40 / 30)
  })

  it('judges each process against its own variant when the variants cost different amounts', () => {
    // The floor costs 24, status-errors 30: neither is slow for being the dearer one...
    expect(judgeProcesses(rounds([30, 30, 30, 30], [24, 24, 24, 24])).some((verdict) => verdict.slow)).toBe(
      false,
    )
    // ...and a floor process at status-errors' cost is a slow floor process.
    const verdicts = judgeProcesses(rounds([30, 30, 30, 30], [24, 30, 24, 24]))
    expect(verdicts.filter((verdict) => verdict.slow).map((verdict) => verdict.surveyed)).toEqual([
      surveyed('floor', 2, 30),
    ])
  })

  it('does not flag a round the whole machine ran slow in', () => {
    expect(judgeProcesses(rounds([30, 45, 30, 31], [30, 44, 31, 30])).some((verdict) => verdict.slow)).toBe(
      false,
    )
  })

  it('does not flag a process whose neighbour ran nearly as slow against its own variant', () => {
    // Round 2: se at ×1.3 its own median, the floor beside it at ×1.2 its own: ×1.08 between them.
    const verdicts = judgeProcesses(rounds([30, 39, 30, 30], [30, 36, 30, 30]))
    expect(verdicts[2]?.toTarget).toBeCloseTo(1.3)
    expect(verdicts.some((verdict) => verdict.slow)).toBe(false)
  })

  it('calls the JIT unsettled for a deoptimisation while measuring or a disabled optimisation at any time', () => {
    const deopt = { kind: 'deoptimized', name: 'send', reason: 'wrong map' } as const
    const disabled = { kind: 'disabled', name: 'answer', reason: 'Optimized too many times' } as const
    const optimized = { kind: 'optimized', name: 'send' } as const
    const verdicts = judgeProcesses([
      surveyed('se', 1, 30, { warmup: [deopt], measured: [optimized] }),
      surveyed('se', 2, 30, { measured: [deopt] }),
      surveyed('se', 3, 30, { warmup: [disabled] }),
    ])
    expect(verdicts.map((verdict) => verdict.unsettledJit)).toEqual([false, true, true])
  })

  it('describes deoptimisations by function and reason, counted', () => {
    expect(
      describeJitTrouble([
        { kind: 'deoptimized', name: 'send', reason: 'wrong map' },
        { kind: 'optimized', name: 'send' },
        { kind: 'deoptimized', name: 'send', reason: 'wrong map' },
        { kind: 'disabled', name: '', reason: 'Optimized too many times' },
      ]),
    ).toBe('2× send (wrong map); disabled: (anonymous) (Optimized too many times)')
  })
})
