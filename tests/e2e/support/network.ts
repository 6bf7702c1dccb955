// The address the app under test trusts as a reverse proxy (TRUSTED_PROXIES). Browser tests reach
// the app from 127.0.0.1, an ordinary client whose X-Forwarded-For is ignored; a test that plays a
// proxy sends its requests from this address.
export const TRUSTED_TEST_PROXY = "127.0.0.2";
