import { prepareTemplates } from './test-database.js';

// Run once before the suites by scripts/test.sh.
await prepareTemplates();
