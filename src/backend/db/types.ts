// The one handle type every repository takes first, so storage code never depends on
// how or where the connection was opened.
import type Database from 'better-sqlite3'

export type Db = Database.Database
