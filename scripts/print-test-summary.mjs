// Prints vitest's JSON report as the plain closing line CI reads: "N passed, N failed, N skipped".
import { readFileSync } from 'node:fs'

const file = process.argv[2] ?? '.vitest/results.json'
let report
try {
  report = JSON.parse(readFileSync(file, 'utf8'))
} catch {
  console.log('0 passed, 1 failed, 0 skipped')
  console.error(`no test report at ${file}: the tests did not run`)
  process.exit(1)
}
const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites, success } = report
// A file that fails to load fails no single test; count it, so a broken suite never reads as green.
const failed = numFailedTests > 0 || success ? numFailedTests : Math.max(numFailedTestSuites, 1)
console.log(`${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped`)
process.exit(failed > 0 || numPassedTests === 0 ? 1 : 0)
