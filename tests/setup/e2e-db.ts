// Runs before each end-to-end test file: its factories write into the
// running server's database, so the file can make the data it needs.
import { inject } from 'vitest'

process.env.DATABASE_PATH = inject('databasePath')
process.env.SESSION_SECRET = inject('sessionSecret')
