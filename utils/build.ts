// What differs in the test build (`wxt build --mode testing`, and vitest, which
// runs in the same mode): a local Skipcall sandbox on loopback may stand in for
// the API over plain http (PRODUCT.md §7). Production builds refuse it.
export const LOOPBACK_HTTP_ALLOWED = import.meta.env.MODE === 'testing';
