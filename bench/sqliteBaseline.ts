/**
 * SQLite (`node:sqlite`) as the store's other baseline: the same records, one table per
 * collection (id primary key, the record as JSON), WAL with `synchronous = FULL` so an answered
 * edit is on disk, as ours is. Timed: a cold load that reads every record back into memory (what
 * Rapport needs, since it searches and draws the map from memory) and single durable edits.
 * `node:sqlite` exists from Node 22.5; on older Node the baseline says so and is skipped.
 */
import { join } from 'node:path'
import { createRequire } from 'node:module'
import type { StoreData } from '../src/shared/model'
import { percentile } from './figures'

export interface SqliteFigures {
  loadMs: number
  editMedianMs: number
  editP95Ms: number
}

interface Statement {
  run(...values: unknown[]): unknown
  all(): unknown[]
}
interface Database {
  exec(sql: string): void
  prepare(sql: string): Statement
  close(): void
}

function openDatabase(file: string): Database | null {
  try {
    // A plain require: on Node 20 the module does not exist and the bench must still run.
    const { DatabaseSync } = createRequire(import.meta.url)('node:sqlite') as {
      DatabaseSync: new (path: string) => Database
    }
    return new DatabaseSync(file)
  } catch {
    return null
  }
}

const COLLECTIONS = ['contacts', 'encounters', 'followUps', 'events', 'relationships'] as const

export function sqliteBaseline(
  data: StoreData,
  dir: string,
  edits: number,
): SqliteFigures | 'unavailable' {
  const file = join(dir, 'baseline.sqlite')
  const db = openDatabase(file)
  if (!db) return 'unavailable'
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;')
  for (const name of COLLECTIONS) {
    db.exec(`CREATE TABLE ${name} (id TEXT PRIMARY KEY, json TEXT NOT NULL)`)
    const insert = db.prepare(`INSERT INTO ${name} (id, json) VALUES (?, ?)`)
    db.exec('BEGIN')
    for (const record of data[name] as { id: string }[])
      insert.run(record.id, JSON.stringify(record))
    db.exec('COMMIT')
  }
  db.close()

  const loadStart = performance.now()
  const cold = openDatabase(file)!
  const loaded: Record<string, unknown[]> = {}
  for (const name of COLLECTIONS) {
    loaded[name] = cold
      .prepare(`SELECT json FROM ${name}`)
      .all()
      .map((row) => JSON.parse((row as { json: string }).json) as unknown)
  }
  const loadMs = performance.now() - loadStart

  const update = cold.prepare('UPDATE contacts SET json = ? WHERE id = ?')
  const latencies: number[] = []
  const contacts = loaded.contacts as { id: string; notes: string }[]
  for (let i = 0; i < edits; i += 1) {
    const contact = { ...contacts[i % contacts.length]!, notes: `SQLite edit ${i}` }
    const start = performance.now()
    update.run(JSON.stringify(contact), contact.id)
    latencies.push(performance.now() - start)
  }
  cold.close()
  latencies.sort((a, b) => a - b)
  return {
    loadMs,
    editMedianMs: percentile(latencies, 50),
    editP95Ms: percentile(latencies, 95),
  }
}
