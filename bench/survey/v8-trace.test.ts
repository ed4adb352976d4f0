import { describe, expect, it } from 'vitest'
import { JitLog, parseJitLine } from './v8-trace.js'

// Lines as Node 20's V8 prints them, shortened only where V8 prints timings.
const OPTIMIZED =
  '[completed optimizing 0x0cfd374d16f9 <JSFunction stringLiteral (sfi = 0x2e3a9b2f6299)> (target TURBOFAN)]'
const COMPILING =
  '[completed compiling 0x0cfd374d16f9 <JSFunction stringLiteral (sfi = 0x2e3a9b2f6299)> (target TURBOFAN) - took 0.004, 3.329, 0.025 ms]'
const BAILOUT =
  '[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x05abb3822779 <JSFunction normalizeString (sfi = 0x1efe45e66151)>, 0x12efd047b119 <Code TURBOFAN>, opt id 5, bytecode offset 118, deopt exit 8, FP to SP delta 104, caller SP 0x7fffe4013ae8, pc 0x7f6e2381f85a]'
const DEPENDENT =
  '[marking dependent code 0x216a7b321861 <Code TURBOFAN> (0x12efd0468131 <SharedFunctionInfo R>) (opt id 11) for deoptimization, reason: code dependencies]'
const DISABLED =
  '[disabled optimization for 0x3798689f6e91 <SharedFunctionInfo answerError>, reason: Optimized too many times]'

describe('V8 JIT trace lines', () => {
  it('reads an optimisation, both kinds of deoptimisation and a disabled optimisation', () => {
    expect(parseJitLine(OPTIMIZED)).toEqual({ kind: 'optimized', name: 'stringLiteral' })
    expect(parseJitLine(BAILOUT)).toEqual({
      kind: 'deoptimized',
      name: 'normalizeString',
      reason: 'wrong map',
    })
    expect(parseJitLine(DEPENDENT)).toEqual({ kind: 'deoptimized', name: 'R', reason: 'code dependencies' })
    expect(parseJitLine(DISABLED)).toEqual({
      kind: 'disabled',
      name: 'answerError',
      reason: 'Optimized too many times',
    })
  })

  it('ignores every other line, so one optimisation counts once', () => {
    expect(parseJitLine(COMPILING)).toBeUndefined()
    expect(
      parseJitLine('[marking 0x1 <JSFunction f (sfi = 0x2)> for optimization to TURBOFAN]'),
    ).toBeUndefined()
    expect(parseJitLine('listening on 127.0.0.1')).toBeUndefined()
  })

  it('names an anonymous function with the empty string', () => {
    const anonymous = BAILOUT.replace('<JSFunction normalizeString ', '<JSFunction ')
    expect(parseJitLine(anonymous)).toMatchObject({ kind: 'deoptimized', name: '' })
    const anonymousOptimized = OPTIMIZED.replace('<JSFunction stringLiteral ', '<JSFunction ')
    expect(parseJitLine(anonymousOptimized)).toEqual({ kind: 'optimized', name: '' })
    const anonymousDependent = DEPENDENT.replace('<SharedFunctionInfo R>', '<SharedFunctionInfo>')
    expect(parseJitLine(anonymousDependent)).toMatchObject({ kind: 'deoptimized', name: '' })
  })

  it('keeps the warm-up and the measured window apart', () => {
    const log = new JitLog()
    log.onLine(OPTIMIZED)
    log.onLine(BAILOUT)
    log.startMeasuring()
    log.onLine(DEPENDENT)
    log.onLine(COMPILING)
    const { warmup, measured } = log.events()
    expect(warmup.map((event) => event.kind)).toEqual(['optimized', 'deoptimized'])
    expect(measured).toEqual([{ kind: 'deoptimized', name: 'R', reason: 'code dependencies' }])
  })
})
