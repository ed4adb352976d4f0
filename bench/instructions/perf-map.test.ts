import { describe, expect, it } from 'vitest'
import { nameAt, parsePerfMap } from './perf-map.js'

const MAP = [
  'd150dc0 1a0 JS:*find /app/node_modules/find-my-way/index.js:627:39',
  'd14e300 80 JS:*writeErrorHeaders file:///app/core/dist/chunk.js:23:27',
  'not a line',
  'd14e340 20 JS:~later file:///app/x.js:1:1',
].join('\n')

describe('perf map', () => {
  const ranges = parsePerfMap(MAP)

  it('names the code holding an address, the last range starting at or below it', () => {
    expect(nameAt(ranges, 0xd14e300)).toMatch(/writeErrorHeaders/)
    expect(nameAt(ranges, 0xd14e350)).toMatch(/later/)
    expect(nameAt(ranges, 0xd150dc0 + 0x19f)).toMatch(/\*find /)
  })

  it('names nothing past the end of a range or before the first', () => {
    expect(nameAt(ranges, 0xd150dc0 + 0x1a0)).toBeUndefined()
    expect(nameAt(ranges, 0xd14e2ff)).toBeUndefined()
    expect(nameAt([], 1)).toBeUndefined()
  })
})
