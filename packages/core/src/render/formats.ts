/** The body formats an error response can take, in server preference order (JSON first). */
export const FORMATS = [
  { index: 0, name: 'json', mediaType: 'application/json', contentType: 'application/json; charset=utf-8' },
  {
    index: 1,
    name: 'problem',
    mediaType: 'application/problem+json',
    contentType: 'application/problem+json; charset=utf-8',
  },
  { index: 2, name: 'html', mediaType: 'text/html', contentType: 'text/html; charset=utf-8' },
  { index: 3, name: 'text', mediaType: 'text/plain', contentType: 'text/plain; charset=utf-8' },
] as const

export type Format = (typeof FORMATS)[number]
export type FormatName = Format['name']
