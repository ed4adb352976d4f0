/**
 * Reads the lines V8 prints with `--trace-opt --trace-deopt` (Node 20, V8 11). Only three events
 * matter to a process's steady state: a function optimised, optimised code thrown away (eagerly at a
 * failed check, or lazily when an assumption it depended on, such as an object layout, changed), and
 * a function V8 gives up optimising for good. Any other line is ignored.
 */

export type JitEventKind = 'optimized' | 'deoptimized' | 'disabled'

export interface JitEvent {
  readonly kind: JitEventKind
  /** The JavaScript function, as V8 names it (`R`, `writeErrorHeaders`; empty for an anonymous one). */
  readonly name: string
  /** V8's reason for a deoptimisation or a disabled optimisation. */
  readonly reason?: string
}

// V8 leaves the name out for an anonymous function: `<JSFunction (sfi = 0x…)>`, `<SharedFunctionInfo>`.
// [completed optimizing 0x… <JSFunction name (sfi = 0x…)> (target TURBOFAN)]
const OPTIMIZED = /^\[completed optimizing 0x[0-9a-f]+ <JSFunction (?:(\S+) )?\(sfi /
// [bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x… <JSFunction name (sfi = 0x…)>, …
const BAILOUT =
  /^\[bailout \(kind: [^,]+, reason: ([^)]*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction (?:(\S+) )?\(sfi /
// [marking dependent code 0x… <Code TURBOFAN> (0x… <SharedFunctionInfo name>) (opt id 11) for deoptimization, reason: …]
const DEPENDENT =
  /^\[marking dependent code .*<SharedFunctionInfo ?([^>]*)>\).* for deoptimization, reason: ([^\]]*)\]/
// [disabled optimization for 0x… <SharedFunctionInfo name>, reason: …]
const DISABLED = /^\[disabled optimization for .*<SharedFunctionInfo ?([^>]*)>, reason: ([^\]]*)\]/

export function parseJitLine(line: string): JitEvent | undefined {
  const optimized = OPTIMIZED.exec(line)
  if (optimized !== null) return { kind: 'optimized', name: optimized[1] ?? '' }
  const bailout = BAILOUT.exec(line)
  if (bailout !== null) return { kind: 'deoptimized', name: bailout[2] ?? '', reason: bailout[1] ?? '' }
  const dependent = DEPENDENT.exec(line)
  if (dependent !== null) return { kind: 'deoptimized', name: dependent[1] ?? '', reason: dependent[2] ?? '' }
  const disabled = DISABLED.exec(line)
  if (disabled !== null) return { kind: 'disabled', name: disabled[1] ?? '', reason: disabled[2] ?? '' }
  return undefined
}

/** The JIT events of one process, split at the moment its measured window began. */
export class JitLog {
  private readonly before: JitEvent[] = []
  private readonly during: JitEvent[] = []
  private measuring = false

  readonly onLine = (line: string): void => {
    const event = parseJitLine(line)
    if (event !== undefined) (this.measuring ? this.during : this.before).push(event)
  }

  startMeasuring(): void {
    this.measuring = true
  }

  /** Events up to the end of the warm-up, and in the measured window. */
  events(): { readonly warmup: readonly JitEvent[]; readonly measured: readonly JitEvent[] } {
    return { warmup: this.before, measured: this.during }
  }
}
