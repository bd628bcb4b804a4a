import { dropTemplates } from './test-database.js';

// Run once after the suites by scripts/test.sh.
await dropTemplates();
