/** The rows and answers of the bulk provisioning methods: part of the IAdmin contract. */
export type { GroupImportRow, GroupRef, ImportOptions, ImportRowResult, ImportStatus, UserImportRow } from '../../../../contract/import-types.js';
