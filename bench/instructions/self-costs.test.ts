import { describe, expect, it } from 'vitest'
import { parsePerfMap } from './perf-map.js'
import { functionCosts } from './self-costs.js'

const MAP_LINES = 'd14e300 80 JS:*writeErrorHeaders file:///app/core/dist/chunk.js:23:27'

describe('functionCosts', () => {
  const annotated = [
    'Events shown:     Ir',
    '--------------------------------------------------------------------------------',
    '100,000 (100.0%)  PROGRAM TOTALS',
    '--------------------------------------------------------------------------------',
    'Ir                  file:function',
    '--------------------------------------------------------------------------------',
    '98,000 (98.00%)  ???:node::SpinEventLoopInternal(node::Environment*) [/usr/bin/node]',
    ' 4,000 ( 4.00%)  ???:Builtins_KeyedLoadIC [/usr/bin/node]',
    ' 1,500 ( 1.50%)  ???:0x000000000d14e300 [???]',
    '   500 ( 0.50%)  ???:0x000000000d14e310 [???]',
    '   300 ( 0.30%)  ???:0x0000000000000010 [???]',
    '   200 ( 0.20%)  ./malloc/./malloc/malloc.c:_int_free [/usr/lib/x86_64-linux-gnu/libc.so.6]',
    '   900 ( 0.90%)  ./nptl/./nptl/pthread_create.c:start_thread [/usr/lib/x86_64-linux-gnu/libc.so.6]',
    '   900 ( 0.90%)  ./misc/../sysdeps/unix/sysv/linux/x86_64/clone.S:clone [/usr/lib/x86_64-linux-gnu/libc.so.6]',
    '',
    '-- Auto-annotated source: /app/x.js',
    '   700 ( 0.70%)  let s = 0',
  ].join('\n')

  it('names compiled JavaScript from the map, adds up its pieces, leaves the threads’ open frames out, stops where the table ends', () => {
    expect(Object.fromEntries(functionCosts(annotated, parsePerfMap(MAP_LINES)))).toEqual({
      Builtins_KeyedLoadIC: 4000,
      'JS:*writeErrorHeaders file:///app/core/dist/chunk.js:23:27': 2000,
      'JS:(unnamed code)': 300,
      './malloc/./malloc/malloc.c:_int_free': 200,
    })
  })

  it('reads nothing from output without its table', () => {
    expect(functionCosts('callgrind_annotate: no data', [])).toEqual(new Map())
  })
})
