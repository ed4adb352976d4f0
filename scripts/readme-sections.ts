/** Reading Markdown documents the way the README tests need: sections, code blocks, tables. */

/** The text of the `## title` section, up to the next `## ` heading. */
export function readmeSection(markdown: string, title: string): string {
  const heading = `\n## ${title}\n`
  const start = markdown.indexOf(heading)
  if (start === -1) throw new Error(`no "## ${title}" section`)
  const end = markdown.indexOf('\n## ', start + heading.length)
  return markdown.slice(start + heading.length, end === -1 ? undefined : end)
}

/**
 * The contents of the fenced code blocks of `language`, in order, each ending with a newline. A
 * block indented under a list item loses that indentation.
 */
export function codeBlocks(markdown: string, language: string): string[] {
  const fence = new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)^\\1\`\`\`$`, 'gm')
  return [...markdown.matchAll(fence)].map(([, indent = '', body = '']) =>
    body
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n'),
  )
}

/** The cells of each row of the Markdown tables in `markdown`; separator rows are dropped. */
export function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)))
}
