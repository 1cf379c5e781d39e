import { CURRENT_SCHEMA_VERSION } from '../../../shared/model'

type Raw = Record<string, unknown>
/** Upgrades a store document from version `from` to `from + 1`. */
export interface Migration {
  from: number
  up(doc: Raw): Raw
}

/**
 * One entry per schema change, in order, each with a fixture file of the old version under
 * tests/fixtures/store-v<N>.json that a test loads.
 */
export const migrations: Migration[] = [
  // v2: snapshot + journal. The snapshot records the last journal entry it contains.
  { from: 1, up: (doc) => ({ ...doc, journalSeq: 0 }) },
  // v3: the help-given-and-asked ledger.
  { from: 2, up: (doc) => ({ ...doc, helps: [] }) },
]

export class MigrationError extends Error {}

/** Brings a parsed store document up to the current version, or says why it cannot. */
export function migrate(doc: unknown, steps: Migration[] = migrations): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new MigrationError('the file does not hold a Rapport data object')
  }
  let current = doc as Raw
  let version = current.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new MigrationError('the file has no valid schemaVersion')
  }
  const target =
    steps.length > 0
      ? Math.max(CURRENT_SCHEMA_VERSION, ...steps.map((s) => s.from + 1))
      : CURRENT_SCHEMA_VERSION
  if (version > target) {
    throw new MigrationError(
      `the file was written by a newer Rapport (schema ${version}; this version reads up to ${target})`,
    )
  }
  while (version < target) {
    const step = steps.find((s) => s.from === version)
    if (!step) throw new MigrationError(`no migration from schema version ${version}`)
    current = { ...step.up(current), schemaVersion: version + 1 }
    version += 1
  }
  return current
}
