// Prepared statements cached per connection: repositories call prepare() with literal
// SQL on every use without paying for compilation again.
import type Database from 'better-sqlite3'
import type { Db } from './types'

type Statement<Row> = Database.Statement<unknown[], Row>

const cache = new WeakMap<Db, Map<string, Statement<unknown>>>()

export function prepare<Row = unknown>(db: Db, sql: string): Statement<Row> {
  let statements = cache.get(db)
  if (!statements) {
    statements = new Map()
    cache.set(db, statements)
  }
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare<unknown[], unknown>(sql)
    statements.set(sql, statement)
  }
  return statement as Statement<Row>
}
