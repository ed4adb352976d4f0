import { describe, expect, it } from 'vitest'
import { DEPENDENCY_CHANGED, parseJitLine, parseJitTrace, splitJitTrace } from './v8-trace.js'

// Lines as Node 20's V8 writes them to the trace file.
const OPTIMIZED =
  '[completed optimizing 0x0cfd374d16f9 <JSFunction stringLiteral (sfi = 0x2e3a9b2f6299)> (target TURBOFAN)]'
const COMPILING =
  '[completed compiling 0x0cfd374d16f9 <JSFunction stringLiteral (sfi = 0x2e3a9b2f6299)> (target TURBOFAN) - took 0.004, 3.329, 0.025 ms]'
const BAILOUT =
  '[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x05abb3822779 <JSFunction normalizeString (sfi = 0x1efe45e66151)>, 0x12efd047b119 <Code TURBOFAN>, opt id 5, bytecode offset 118, deopt exit 8, FP to SP delta 104, caller SP 0x7fffe4013ae8, pc 0x7f6e2381f85a]'
const LAZY_BAILOUT =
  '[bailout (kind: deopt-lazy, reason: (unknown)): begin. deoptimizing 0x05abb3822779 <JSFunction normalizeString (sfi = 0x1efe45e66151)>, 0x12efd047b119 <Code TURBOFAN>, opt id 5, bytecode offset 118, deopt exit 8, FP to SP delta 104, caller SP 0x7fffe4013ae8, pc 0x7f6e2381f85a]'
/** V8 writes only this much of the line to the file; the rest, with the reason, goes to stdout. */
const DEPENDENT =
  '[marking dependent code 0x216a7b321861 <Code TURBOFAN> (0x12efd0468131 <SharedFunctionInfo R>'
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
    expect(parseJitLine(DEPENDENT)).toEqual({ kind: 'deoptimized', name: 'R', reason: DEPENDENCY_CHANGED })
    expect(parseJitLine(DISABLED)).toEqual({
      kind: 'disabled',
      name: 'answerError',
      reason: 'Optimized too many times',
    })
  })

  it('ignores every other line, and a lazy bailout, whose code was counted when it was marked', () => {
    expect(parseJitLine(COMPILING)).toBeUndefined()
    expect(parseJitLine(LAZY_BAILOUT)).toBeUndefined()
    expect(
      parseJitLine('[marking 0x1 <JSFunction f (sfi = 0x2)> for optimization to TURBOFAN]'),
    ).toBeUndefined()
    expect(parseJitLine('listening on 127.0.0.1')).toBeUndefined()
  })

  it('reads getters, OSR code and anonymous functions by the name V8 gives them', () => {
    const getter = BAILOUT.replace('<JSFunction normalizeString ', '<JSFunction get sent ')
    expect(parseJitLine(getter)).toMatchObject({ name: 'get sent', reason: 'wrong map' })
    expect(parseJitLine(`${OPTIMIZED.slice(0, -1)} OSR]`)).toEqual({
      kind: 'optimized',
      name: 'stringLiteral',
    })
    const anonymous = BAILOUT.replace('<JSFunction normalizeString ', '<JSFunction ')
    expect(parseJitLine(anonymous)).toMatchObject({ kind: 'deoptimized', name: '' })
    const anonymousOptimized = OPTIMIZED.replace('<JSFunction stringLiteral ', '<JSFunction ')
    expect(parseJitLine(anonymousOptimized)).toEqual({ kind: 'optimized', name: '' })
    const anonymousDependent = DEPENDENT.replace('<SharedFunctionInfo R', '<SharedFunctionInfo')
    expect(parseJitLine(anonymousDependent)).toMatchObject({ kind: 'deoptimized', name: '' })
  })

  it('reads a trace that follows the cut-off part of a marking line on the same line', () => {
    const text = `${OPTIMIZED}\n${DEPENDENT}${DEPENDENT.replace(' R', ' g')}${BAILOUT}\n${COMPILING}\n`
    expect(parseJitTrace(text).map((event) => `${event.kind} ${event.name}`)).toEqual([
      'optimized stringLiteral',
      'deoptimized R',
      'deoptimized g',
      'deoptimized normalizeString',
    ])
  })

  it('splits a trace file at the lengths it had when the server was ready and the window began and ended', () => {
    const starting = `${DISABLED}\n`
    const warmup = `${OPTIMIZED}\n${BAILOUT}\n`
    const measured = `${DEPENDENT}\n${COMPILING}\n`
    const closing = `${DISABLED}\n`
    const trace = Buffer.from(starting + warmup + measured + closing)
    const ready = Buffer.byteLength(starting)
    const start = ready + Buffer.byteLength(warmup)
    const split = splitJitTrace(trace, ready, start, start + Buffer.byteLength(measured))
    expect(split.warmup.map((event) => event.kind)).toEqual(['optimized', 'deoptimized'])
    expect(split.measured).toEqual([{ kind: 'deoptimized', name: 'R', reason: DEPENDENCY_CHANGED }])
  })
})
