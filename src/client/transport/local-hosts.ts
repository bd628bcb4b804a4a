/** Hosts that mean this machine. */
export const LOCAL_HOSTS: ReadonlySet<string> = new Set(['', 'localhost', '127.0.0.1', '::1', '[::1]', 'localhost.localdomain']);
