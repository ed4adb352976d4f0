/**
 * Reads the trace V8 writes with `--trace-opt --trace-deopt --redirect-code-traces-to=<file>`
 * (Node 20, V8 11). V8 opens and closes that file around every trace, so each is on disk once it is
 * printed and the file's length marks a moment; on a pipe, stdio would hold them back in blocks.
 * Three events matter to a process's steady state: a function optimised, optimised code thrown
 * away, and a function V8 gives up optimising for good. Any other line is ignored.
 */

type JitEventKind = 'optimized' | 'deoptimized' | 'disabled'

export interface JitEvent {
  readonly kind: JitEventKind
  /** The JavaScript function, as V8 names it (`R`, `get sent`; empty for an anonymous one). */
  readonly name: string
  /** V8's reason for a deoptimisation or a disabled optimisation. */
  readonly reason?: string
}

/** The reason of a `[marking dependent code` line: V8 writes the line's end, with its reason, to stdout. */
export const DEPENDENCY_CHANGED = 'an assumption it depended on changed'

// [completed optimizing 0x… <JSFunction get sent (sfi = 0x…)> (target TURBOFAN)]; V8 leaves the
// name out for an anonymous function (`<JSFunction (sfi = 0x…)>`, `<SharedFunctionInfo>`).
const OPTIMIZED = /^\[completed optimizing 0x[0-9a-f]+ <JSFunction ?(.*?) \(sfi = /
// [bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x… <JSFunction name (sfi = 0x…)>, …
// A lazy bailout (`kind: deopt-lazy`) carries out code already marked for deoptimisation: that code
// was counted at its `[marking dependent code` line, so the bailout is not counted again.
const BAILOUT =
  /^\[bailout \(kind: (?!deopt-lazy)[^,]+, reason: (.*?)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction ?(.*?) \(sfi = /
// [marking dependent code 0x… <Code TURBOFAN> (0x… <SharedFunctionInfo name>) …: only up to the name
// reaches the file, and the next trace follows it on the same line.
const DEPENDENT =
  /^\[marking dependent code 0x[0-9a-f]+ <Code [A-Z]+> \(0x[0-9a-f]+ <SharedFunctionInfo ?(.*?)>/
// [disabled optimization for 0x… <SharedFunctionInfo name>, reason: …]
const DISABLED = /^\[disabled optimization for .*?<SharedFunctionInfo ?(.*?)>, reason: (.*?)\]$/
/** Where a trace starts: a new line, or right after the part of a `[marking dependent code` line the file got. */
const TRACE_START =
  /\n|(?=\[(?:marking dependent code |bailout \(kind: |completed optimizing |disabled optimization ))/

export function parseJitLine(line: string): JitEvent | undefined {
  const optimized = OPTIMIZED.exec(line)
  if (optimized !== null) return { kind: 'optimized', name: optimized[1] ?? '' }
  const bailout = BAILOUT.exec(line)
  if (bailout !== null) return { kind: 'deoptimized', name: bailout[2] ?? '', reason: bailout[1] ?? '' }
  const dependent = DEPENDENT.exec(line)
  if (dependent !== null) return { kind: 'deoptimized', name: dependent[1] ?? '', reason: DEPENDENCY_CHANGED }
  const disabled = DISABLED.exec(line)
  if (disabled !== null) return { kind: 'disabled', name: disabled[1] ?? '', reason: disabled[2] ?? '' }
  return undefined
}

export function parseJitTrace(text: string): JitEvent[] {
  return text.split(TRACE_START).flatMap((line) => parseJitLine(line) ?? [])
}

/**
 * The events of a trace file between the lengths it had when the server was ready and when the
 * measured window began (the warm-up), and then until the window ended. What V8 traced before (the
 * start) and after (the process closing) is left out.
 */
export function splitJitTrace(
  trace: Buffer,
  ready: number,
  windowStart: number,
  windowEnd: number,
): { readonly warmup: JitEvent[]; readonly measured: JitEvent[] } {
  return {
    warmup: parseJitTrace(trace.subarray(ready, windowStart).toString()),
    measured: parseJitTrace(trace.subarray(windowStart, windowEnd).toString()),
  }
}
