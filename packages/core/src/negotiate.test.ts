import { describe, expect, it } from 'vitest'
import { ACCEPT_READ_LIMIT } from './accept-memo.js'
import { negotiateFormat } from './negotiate.js'

describe('negotiateFormat', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['application/problem+json', 'problem'],
    ['application/problem+json, application/json;q=0.9', 'problem'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'html'],
    ['application/json;q=0.2, text/html', 'html'],
    ['text/plain', 'text'],
    ['text/*', 'html'],
    ['image/png', 'json'],
    ['application/json;q=0', 'json'],
    ['garbage;;;,,,', 'json'],
  ])('%j → %s', (accept, format) => {
    expect(negotiateFormat(accept).name).toBe(format)
  })

  it('answers a pathological header with the default', () => {
    expect(negotiateFormat(`x;p="${','.repeat(100_000)}"`).name).toBe('json')
    expect(negotiateFormat('a/b;q=0.1,'.repeat(10_000)).name).toBe('json')
  })

  it('reads a long header only up to the last media range within the read limit', () => {
    const junk = 'a/b;q=0.1,'.repeat(100_000)
    expect(negotiateFormat(`text/html,${junk}`).name).toBe('html')
    expect(negotiateFormat(`${junk}text/html`).name).toBe('json')
    // Whole, this header prefers HTML; the range that crosses the limit is not read.
    const crossing = `${'x/y,'.repeat(250)}text/plain;q=0.5, text/html`
    expect(crossing.length).toBeGreaterThan(ACCEPT_READ_LIMIT)
    expect(crossing.lastIndexOf(',')).toBeLessThan(ACCEPT_READ_LIMIT)
    expect(negotiateFormat(crossing).name).toBe('text')
  })

  it('gives the same answer from the cache', () => {
    const accept = 'text/plain;q=0.9, text/html;q=0.8'
    expect(negotiateFormat(accept)).toBe(negotiateFormat(accept))
  })
})
