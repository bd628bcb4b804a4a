import { applyCheckoutDefaults, checkoutOf } from '../env/checkout-dirs.js';

/**
 * Applies the checkout rule to this process's environment before anything reads it (the early
 * server thread, every `new omero.client('localhost')`): see env/checkout-dirs.ts.
 */
const checkout = checkoutOf(process.argv[1]);
if (checkout) applyCheckoutDefaults(process.env, checkout);
