import { describe, expect, it } from 'vitest'
import { describeJitTrouble, judgeProcesses, type SurveyedProcess, sharedJitTrouble } from './verdict.js'

/** A process at `toReference` its reference; its CPU is the machine's at the time, not the verdict's business. */
function surveyed(
  target: string,
  round: number,
  toReference: number,
  extra: Partial<SurveyedProcess> = {},
): SurveyedProcess {
  return {
    target,
    round,
    cpuMicrosPerResponse: 30,
    referenceCpuMicrosPerResponse: 30,
    toReference,
    warmup: [],
    measured: [],
    ...extra,
  }
}

/** Rounds of `se` and `floor`, each process at the given ratio to its reference. */
function rounds(se: readonly number[], floor: readonly number[]): SurveyedProcess[] {
  return se.flatMap((ratio, index) => [
    surveyed('se', index + 1, ratio),
    surveyed('floor', index + 1, floor[index] ?? 1),
  ])
}

describe('survey verdicts', () => {
  it("flags a process whose ratio to its reference stands out from its variant's other processes", () => {
    const verdicts = judgeProcesses(rounds([1.0, 1.3, 1.02, 0.98], [1, 1, 1, 1]))
    expect(verdicts.filter((verdict) => verdict.slow).map((verdict) => verdict.surveyed)).toEqual([
      surveyed('se', 2, 1.3),
    ])
    expect(verdicts[2]?.toVariant).toBeCloseTo(1.3 / 1.0)
  })

  it('judges each variant on its own, whatever the other costs', () => {
    const verdicts = judgeProcesses(rounds([1, 1, 1, 1], [0.8, 0.8, 1.0, 0.8]))
    expect(verdicts.filter((verdict) => verdict.slow).map((verdict) => verdict.surveyed)).toEqual([
      surveyed('floor', 3, 1.0),
    ])
  })

  it('reads the ratio to the reference, not the CPU time, which the machine moves', () => {
    const swinging = [30, 60, 31, 58].map((cpu, index) =>
      surveyed('se', index + 1, 1, { cpuMicrosPerResponse: cpu }),
    )
    expect(judgeProcesses(swinging).some((verdict) => verdict.slow)).toBe(false)
    const steady = [1, 1.3, 1, 1].map((ratio, index) => surveyed('se', index + 1, ratio))
    expect(judgeProcesses(steady).map((verdict) => verdict.slow)).toEqual([false, true, false, false])
  })

  it('needs at least four processes of a target', () => {
    const three = [1, 1.5, 1].map((ratio, index) => surveyed('se', index + 1, ratio))
    expect(() => judgeProcesses(three)).toThrow(/fewer than the 4/)
  })

  it('flags nothing when the reference itself is slow: every fresh process then reads fast alike', () => {
    expect(judgeProcesses(rounds([0.8, 0.79, 0.81, 0.8], [1, 1, 1, 1])).some((verdict) => verdict.slow)).toBe(
      false,
    )
  })

  it('keeps a process just under the threshold unflagged', () => {
    const verdicts = judgeProcesses(rounds([1, 1.19, 1, 1], [1, 1, 1, 1]))
    expect(verdicts[2]?.toVariant).toBeCloseTo(1.19)
    expect(verdicts.some((verdict) => verdict.slow)).toBe(false)
  })

  it("names a process's own JIT trouble: a deoptimisation while measuring, a disabled optimisation at any time", () => {
    const deopt = { kind: 'deoptimized', name: 'send', reason: 'wrong map' } as const
    const disabled = { kind: 'disabled', name: 'answer', reason: 'Optimized too many times' } as const
    const optimized = { kind: 'optimized', name: 'send' } as const
    const verdicts = judgeProcesses([
      surveyed('se', 1, 1, { warmup: [deopt], measured: [optimized] }),
      surveyed('se', 2, 1, { measured: [deopt] }),
      surveyed('se', 3, 1, { warmup: [disabled] }),
      surveyed('se', 4, 1),
    ])
    expect(verdicts.map((verdict) => verdict.unusualJit)).toEqual([[], [deopt], [disabled], []])
  })

  const node = { kind: 'deoptimized', name: 'emitCloseNT', reason: 'wrong map' } as const
  const own = { kind: 'deoptimized', name: 'answer', reason: 'wrong map' } as const

  it('sets aside the JIT trouble at least half the processes of every variant share', () => {
    const processes = [
      surveyed('se', 1, 1, { measured: [node, own] }),
      surveyed('without', 1, 1, { measured: [node] }),
      surveyed('se', 2, 1, { measured: [node] }),
      surveyed('without', 2, 1),
      surveyed('se', 3, 1),
      surveyed('without', 3, 1, { measured: [node, node] }),
      surveyed('se', 4, 1),
      surveyed('without', 4, 1),
    ]
    expect(sharedJitTrouble(processes)).toEqual([['emitCloseNT (wrong map)', 4]])
    expect(judgeProcesses(processes).map((verdict) => verdict.unusualJit)).toEqual([
      [own],
      [],
      [],
      [],
      [],
      [],
      [],
      [],
    ])
  })

  it("never sets aside trouble of one variant's processes, however many show it", () => {
    const processes = [1, 2, 3, 4].flatMap((round) => [
      surveyed('se', round, 1, { measured: [own] }),
      surveyed('without', round, 1),
    ])
    expect(sharedJitTrouble(processes)).toEqual([])
    expect(judgeProcesses(processes).filter((verdict) => verdict.unusualJit.length > 0)).toHaveLength(4)
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
