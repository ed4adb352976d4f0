import { escapeHtml } from './escape-html.js'
import type { FormatName } from './formats.js'

/** Everything a body may show. `detail` and `stack` are set only when they may be shown. */
export interface BodyContent {
  readonly status: number
  readonly title: string
  readonly description: string
  readonly detail: string | undefined
  readonly stack: string | undefined
  /** RFC 9457 §3.1.1 problem type URI. */
  readonly type: string
}

type BodyRenderer = (content: BodyContent) => string

/** `{"status","title","description"}` then `detail` and `stack` when present, in this order. */
function renderJson({ status, title, description, detail, stack }: BodyContent): string {
  return JSON.stringify({ status, title, description, detail, stack })
}

/**
 * RFC 9457 §3.1: `type`, `title` (the reason phrase, as §4.2.1 asks for about:blank), `status`
 * (equal to the real status, §3.1.2), `detail` (the exposed detail, else the description);
 * `description` is an extension member (§3.2).
 */
function renderProblem({ type, title, status, detail, description, stack }: BodyContent): string {
  return JSON.stringify({ type, title, status, detail: detail ?? description, description, stack })
}

function renderHtml({ status, title, description, detail, stack }: BodyContent): string {
  const heading = `${status} ${escapeHtml(title)}`
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${heading}</title></head>` +
    `<body><h1>${heading}</h1><p>${escapeHtml(description)}</p>` +
    (detail === undefined ? '' : `<p>${escapeHtml(detail)}</p>`) +
    (stack === undefined ? '' : `<pre>${escapeHtml(stack)}</pre>`) +
    '</body></html>\n'
  )
}

function renderText({ status, title, description, detail, stack }: BodyContent): string {
  return (
    `${status} ${title}\n${description}\n` +
    (detail === undefined ? '' : `${detail}\n`) +
    (stack === undefined ? '' : `${stack}\n`)
  )
}

export const BODY_RENDERERS: Readonly<Record<FormatName, BodyRenderer>> = {
  json: renderJson,
  problem: renderProblem,
  html: renderHtml,
  text: renderText,
}
