// A second, read-only look at a workbench's database file, to check what was really stored.
import Database from 'better-sqlite3'

export function queryFile<Row>(file: string, sql: string, ...params: unknown[]): Row[] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all(...params) as Row[]
  } finally {
    db.close()
  }
}

export function countRows(file: string, table: string): number {
  return queryFile<{ n: number }>(file, `SELECT count(*) AS n FROM ${table}`)[0]!.n
}
