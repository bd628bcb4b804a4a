export { createLdapAccount, synchroniseLdapAccount } from './ldap-accounts.js';
export { lookupLdapAuthExperimenter, lookupLdapAuthExperimenters, type LdapAuthExperimenter } from './ldap-auth-lookups.js';
export { enabledDirectory, LDAP_DISABLED_MESSAGE, LdapService } from './ldap-service.js';
