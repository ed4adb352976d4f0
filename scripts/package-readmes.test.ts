/**
 * Each package's README, as npm shows it: it ships with the package, documents every name the
 * package exports and no other, and has no relative link (they break on the registry's page).
 */
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { readmeSection, tableRows } from './readme-sections.js'

const PACKAGES = ['core', 'express', 'koa', 'fastify'] as const
/** Names that no longer exist and must not come back into any README. */
const REMOVED_NAMES = ['statusGuard']

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

/** The names a module exports, read from its source; `export *` is refused, as it hides them. */
function exportedNames(path: string): string[] {
  const source = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, false)
  const names: string[] = []
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause
      if (clause === undefined || !ts.isNamedExports(clause)) {
        throw new Error(`${path}: list the exported names instead of \`export *\``)
      }
      names.push(...clause.elements.map((element) => element.name.text))
      continue
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : false
    if (!exported) continue
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text)
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      names.push(statement.name.text)
    }
  }
  return names.sort()
}

/** The names in the first column of the tables of a README section: each `code` span's identifier. */
function documentedNames(section: string): string[] {
  const [, ...rows] = tableRows(section)
  return rows
    .flatMap(([first = '']) => [...first.matchAll(/`([A-Za-z_$][\w$]*)/g)].map((match) => match[1] as string))
    .sort()
}

describe.each(PACKAGES)('packages/%s/README.md', (name) => {
  const readme = read(`packages/${name}/README.md`)

  it('ships with the package', () => {
    const manifest = JSON.parse(read(`packages/${name}/package.json`)) as { files?: string[] }
    expect(manifest.files).toContain('README.md')
  })

  it('documents in its API table exactly what the package exports', () => {
    expect(documentedNames(readmeSection(readme, 'API'))).toEqual(
      exportedNames(`packages/${name}/src/index.ts`),
    )
  })

  it('has no relative link, which would break on the npm registry', () => {
    const links = [...readme.matchAll(/\]\(([^)]*)\)/g)].map((match) => match[1] as string)
    expect(links.filter((target) => !/^(https?:\/\/|#)/.test(target))).toEqual([])
  })

  it('names nothing that was removed', () => {
    for (const removed of REMOVED_NAMES) expect(readme).not.toContain(removed)
  })
})

describe('@status-errors/core/adapter', () => {
  it('is documented in the core README, name for name', () => {
    const section = readmeSection(read('packages/core/README.md'), '`@status-errors/core/adapter`')
    expect(section).toContain('not a stable application API')
    expect(documentedNames(section)).toEqual(exportedNames('packages/core/src/adapter.ts'))
  })
})

describe('README.md', () => {
  it('names nothing that was removed', () => {
    const readme = read('README.md')
    for (const removed of REMOVED_NAMES) expect(readme).not.toContain(removed)
  })
})
