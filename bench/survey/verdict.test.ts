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

describe('survey verdicts', () => {
  it('flags a process slow against its own variant and against the processes beside it', () => {
    const processes = [
      surveyed('se', 1, 30),
      surveyed('without', 1, 30),
      surveyed('se', 2, 40),
      surveyed('without', 2, 30),
      surveyed('se', 3, 31),
      surveyed('without', 3, 29),
    ]
    const verdicts = judgeProcesses(processes)
    expect(verdicts.map((verdict) => verdict.slow)).toEqual([false, false, true, false, false, false])
    expect(verdicts[2]?.toTarget).toBeCloseTo(40 / 31)
    expect(verdicts[2]?.toRound).toBeCloseTo(40 / 30)
  })

  it('does not flag a round the whole machine ran slow in', () => {
    const processes = [
      surveyed('se', 1, 30),
      surveyed('without', 1, 30),
      surveyed('se', 2, 45),
      surveyed('without', 2, 44),
      surveyed('se', 3, 30),
      surveyed('without', 3, 31),
    ]
    expect(judgeProcesses(processes).some((verdict) => verdict.slow)).toBe(false)
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
