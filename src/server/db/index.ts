export { initialiseDatabase, type InitResult } from './bootstrap.js';
export { databaseConfigFromEnv, describeDatabase, type DatabaseConfig } from './database-config.js';
export { migrateLatest, schemaStatus, type SchemaStatus } from './migrate.js';
export { openDatabase, type Database } from './open-database.js';
