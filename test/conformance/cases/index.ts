import type { ConformanceCase } from '../conformance-case.js'
import { errorCases } from './errors.js'
import { hostileHeaderCases, writeFailureCases } from './hostile-headers.js'
import { lifecycleCases } from './lifecycle.js'
import { oneStatusCases } from './one-status.js'
import { producesCases } from './produces.js'
import { headerCases, renderingCases } from './rendering.js'
import { tableRowCases } from './table-rows.js'
import { unmatchedCases } from './unmatched.js'

export const allCases: readonly ConformanceCase[] = [
  ...unmatchedCases,
  ...errorCases,
  ...renderingCases,
  ...headerCases,
  ...tableRowCases,
  ...lifecycleCases,
  ...hostileHeaderCases,
  ...writeFailureCases,
  ...producesCases,
  ...oneStatusCases,
]
